namespace ReputationEngine.Abstractions.Customers;

/// <summary>
/// What other authors did with posts a customer started, summed over a batch by the conversation grain:
/// shares (and quotes), replies, and the followers of those who shared.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EngagementCredit(
    [property: Id(0)] long Shares,
    [property: Id(1)] long Replies,
    [property: Id(2)] long SharerFollowers,
    [property: Id(3)] DateTimeOffset? LatestAt);
