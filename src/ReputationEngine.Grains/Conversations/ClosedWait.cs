namespace ReputationEngine.Grains.Conversations;

/// <summary>A wait a brand reply just ended; checked once for a late answer.</summary>
public readonly record struct ClosedWait(
    DateTimeOffset Since,
    DateTimeOffset AnsweredAt,
    string AuthorId,
    long AuthorFollowers,
    double? Influence,
    bool AlreadyBreached);
