namespace ReputationEngine.Grains.Topics;

/// <summary>Behaviour of <see cref="BrandTopicGrain"/> that differs between the live engine and a replay.</summary>
public sealed class TopicGrainOptions
{
    /// <summary>
    /// Live: a topic that falls silent after a spike resolves its alerts as wall-clock time passes. A replay turns
    /// this off: there event time advances only with the recorded mentions, and a timer on the wall clock would
    /// make the alerts depend on how fast the machine replays.
    /// </summary>
    public bool ResolveAlertsWhenSilent { get; set; } = true;
}
