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
    /// <summary>Mean sentiment of the last 7 days against the history before it.</summary>
    [Id(17)] public CustomerTrend Trend { get; init; }
    [Id(18)] public double TrendDelta { get; init; }
    /// <summary>The parts of <see cref="Influence"/> (docs/crm.md explains the formula).</summary>
    [Id(19)] public InfluenceBreakdown InfluenceBreakdown { get; init; } = InfluenceBreakdown.None;
    /// <summary>Shares of posts this customer started, by other authors.</summary>
    [Id(20)] public long SharesReceived { get; init; }
    /// <summary>Replies by other authors (customers or brand accounts) in threads this customer started.</summary>
    [Id(21)] public long RepliesReceived { get; init; }
    /// <summary>0..1: how much this customer needs attention (negativity weighted by influence).</summary>
    [Id(22)] public double Risk { get; init; }
    /// <summary>Conversations the customer took part in, most recent first (bounded).</summary>
    [Id(23)] public string[] Conversations { get; init; } = [];
}
