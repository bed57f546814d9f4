namespace ReputationEngine.Abstractions.Conversations;

/// <summary>One step of a conversation's sentiment trajectory: a message's score and the running mean after it.</summary>
[GenerateSerializer, Immutable]
public sealed record SentimentPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] float Score,
    [property: Id(2)] double Average);
