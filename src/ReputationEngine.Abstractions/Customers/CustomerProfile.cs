namespace ReputationEngine.Abstractions.Customers;

/// <summary>A customer's social-CRM view (DESIGN §4.3a).</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerProfile
{
    [Id(0)] public required string CustomerId { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public long Followers { get; init; }
    [Id(3)] public bool IsBrand { get; init; }
    [Id(4)] public long Mentions { get; init; }
    [Id(5)] public long PositiveMentions { get; init; }
    [Id(6)] public long NeutralMentions { get; init; }
    [Id(7)] public long NegativeMentions { get; init; }
    /// <summary>Exponentially weighted running sentiment, −1..1 (recent mentions weigh more).</summary>
    [Id(8)] public double AverageSentiment { get; init; }
    [Id(9)] public double Influence { get; init; }
    [Id(10)] public CustomerSegment Segment { get; init; }
    [Id(11)] public string[] SegmentReasons { get; init; } = [];
    [Id(12)] public string[] Topics { get; init; } = [];
    [Id(13)] public RecentMention[] RecentMentions { get; init; } = [];
    [Id(14)] public DateTimeOffset? FirstSeenAt { get; init; }
    [Id(15)] public DateTimeOffset? LastSeenAt { get; init; }
    [Id(16)] public bool Erased { get; init; }
}
