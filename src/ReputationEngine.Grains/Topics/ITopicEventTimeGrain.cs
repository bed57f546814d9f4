namespace ReputationEngine.Grains.Topics;

/// <summary>
/// Lets a replay tell a topic how far event time has advanced (implemented by <see cref="BrandTopicGrain"/>, same
/// key). Live, the grain's own wall-clock timer does this; a replay must not depend on the wall clock, so its driver
/// calls this at fixed points of event time instead.
/// </summary>
public interface ITopicEventTimeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Event time has reached <paramref name="eventTime"/> without a further mention of this topic: if it has been
    /// silent for at least the silence check period and has active alerts, evaluate its detectors at that time (so a
    /// topic that fell silent after a spike resolves as it would live).
    /// </summary>
    Task AdvanceEventTimeAsync(DateTimeOffset eventTime);
}
