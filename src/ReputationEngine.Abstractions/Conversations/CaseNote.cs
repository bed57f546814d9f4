namespace ReputationEngine.Abstractions.Conversations;

/// <summary>A staff note on a conversation case (wall-clock time).</summary>
[GenerateSerializer, Immutable]
public sealed record CaseNote(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Text,
    [property: Id(2)] string? Author);
