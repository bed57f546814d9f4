namespace ReputationEngine.Grains.Topics;

/// <summary>Behaviour of <see cref="BrandTopicGrain"/> that differs between the live engine and a replay.</summary>
public sealed class TopicGrainOptions
{
    /// <summary>
    /// Live: a topic that falls silent after a spike resolves its alerts as wall-clock time passes. A replay turns
    /// this off: there event time advances only with the recorded mentions, and a timer on the wall clock would
    /// make the alerts depend on how fast the machine replays. The replay driver calls
    /// <see cref="ITopicEventTimeGrain.AdvanceEventTimeAsync"/> at points of event time instead.
    /// </summary>
    public bool ResolveAlertsWhenSilent { get; set; } = true;

    /// <summary>
    /// How long a topic must be silent (no mention) before its detectors are evaluated without one, and how often the
    /// live timer checks.
    /// </summary>
    public TimeSpan SilenceCheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Live: an alert change is written with the topic's state before the call that made it returns, so no alert an
    /// operator may have seen is lost. A replay's state dies with the process: it only marks the state dirty (written by
    /// the periodic flush), which spares a serialization of the topic's whole detector state per alert change.
    /// </summary>
    public bool WriteOnAlertChange { get; set; } = true;

    /// <summary>
    /// Live: every applied batch tells the silo's dashboard notifier that the topic changed (throttled there per topic).
    /// A replay has no dashboard, and the call was one grain call per topic per batch.
    /// </summary>
    public bool NotifyDashboards { get; set; } = true;
}
