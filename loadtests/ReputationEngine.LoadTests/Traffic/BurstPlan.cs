namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// One injected burst: which topic it hits, when it starts (schedule time, from the start of sending),
/// how long it lasts, and its messages. Each burst has a topic of its own, so alerts map to bursts unambiguously.
/// </summary>
public sealed record BurstPlan(int Index, string Origin, int Topic, TimeSpan Start, TimeSpan Length, CascadeEvent[] Events, string RootText)
{
    public const string HawkesOrigin = "hawkes";

    public TimeSpan End => Start + Length;
}
