namespace ReputationEngine.LoadTests.Traffic;

/// <summary>One item the harness sends (DESIGN §4.2 shape), plus what the harness knows about it.</summary>
public sealed record SyntheticMention
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string AuthorId { get; init; }
    public long Followers { get; init; }
    public required string Text { get; init; }
    public required string Topic { get; init; }
    public string Kind { get; init; } = MentionKinds.Post;
    public string? ConversationId { get; init; }
    public string? InReplyTo { get; init; }
    public string? SharedId { get; init; }
    public MentionDefect Defect { get; init; }

    /// <summary>Index of the injected burst this item belongs to, or -1 for baseline chatter.</summary>
    public int Burst { get; init; } = -1;

    /// <summary>A repeat of an id already sent: the engine must drop it.</summary>
    public bool IsDuplicate { get; init; }
}
