using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Grains.Customers;

/// <summary>One point of a customer history as rows written before <see cref="SentimentHistoryLog"/> stored it: read from such rows only.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] SentimentLabel Label,
    [property: Id(2)] float Score);
