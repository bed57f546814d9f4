namespace ReputationEngine.Abstractions.Mentions;

/// <summary>
/// One validated public mention (DESIGN §4.2), flattened for cheap serialization.
/// <see cref="CreatedAt"/> is event time; everything windowed is bucketed by it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Mention
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Source { get; init; }
    [Id(2)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(3)] public required string AuthorId { get; init; }
    [Id(4)] public string? AuthorName { get; init; }
    [Id(5)] public long AuthorFollowers { get; init; }
    [Id(6)] public bool AuthorIsBrand { get; init; }
    [Id(7)] public required string Text { get; init; }
    [Id(8)] public string[] Topics { get; init; } = [];
    [Id(9)] public required string ConversationId { get; init; }
    [Id(10)] public string? InReplyTo { get; init; }
    [Id(11)] public MentionKind Kind { get; init; }
    [Id(12)] public string? SharedId { get; init; }
    [Id(13)] public string? Lang { get; init; }
    [Id(14)] public string? Url { get; init; }
}
