namespace ReputationEngine.Abstractions.Topics;

/// <summary>Totals over one event-time window.</summary>
[GenerateSerializer, Immutable]
public sealed record WindowStats(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] long Mentions,
    [property: Id(3)] long Positive,
    [property: Id(4)] long Neutral,
    [property: Id(5)] long Negative,
    [property: Id(6)] double AverageSentiment,
    [property: Id(7)] long Reach)
{
    public double NegativeShare => Mentions == 0 ? 0 : (double)Negative / Mentions;
}
