using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Grains.Customers;

/// <summary>One scored mention in a customer's bounded history; no text, so it survives erasure.</summary>
[GenerateSerializer, Immutable]
public sealed record HistoryPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] SentimentLabel Label,
    [property: Id(2)] float Score);
