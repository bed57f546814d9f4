namespace ReputationEngine.Abstractions.Customers;

/// <summary>A customer as listed per topic (<c>GET /api/topics/{id}/customers</c>): no texts.</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerSummary
{
    [Id(0)] public required string CustomerId { get; init; }
    [Id(1)] public string? Name { get; init; }
    [Id(2)] public long Followers { get; init; }
    [Id(3)] public long Mentions { get; init; }
    [Id(4)] public long NegativeMentions { get; init; }
    [Id(5)] public double AverageSentiment { get; init; }
    [Id(6)] public double Influence { get; init; }
    [Id(7)] public double Risk { get; init; }
    [Id(8)] public CustomerSegment Segment { get; init; }
    [Id(9)] public string[] SegmentReasons { get; init; } = [];
    [Id(10)] public CustomerTrend Trend { get; init; }
    [Id(11)] public DateTimeOffset? LastSeenAt { get; init; }
    [Id(12)] public bool IsBrand { get; init; }
}
