namespace ReputationEngine.Abstractions.Topics;

[GenerateSerializer, Immutable]
public sealed record TimeSeriesPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long Mentions,
    [property: Id(2)] long Positive,
    [property: Id(3)] long Neutral,
    [property: Id(4)] long Negative,
    [property: Id(5)] double AverageSentiment,
    [property: Id(6)] long Reach);
