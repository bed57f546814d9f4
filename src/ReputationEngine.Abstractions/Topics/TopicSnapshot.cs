namespace ReputationEngine.Abstractions.Topics;

/// <summary>What a dashboard shows for a topic (DESIGN §4.3). Windows end at the topic's latest event time.</summary>
[GenerateSerializer, Immutable]
public sealed record TopicSnapshot
{
    [Id(0)] public required string TopicId { get; init; }
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public long TotalMentions { get; init; }
    [Id(3)] public long PositiveMentions { get; init; }
    [Id(4)] public long NeutralMentions { get; init; }
    [Id(5)] public long NegativeMentions { get; init; }
    [Id(6)] public double AverageSentiment { get; init; }
    [Id(7)] public long Reach { get; init; }
    [Id(8)] public double NegativeShare { get; init; }
    [Id(9)] public int OpenAlerts { get; init; }
    [Id(10)] public double Virality { get; init; }
    [Id(11)] public DateTimeOffset? LatestEventAt { get; init; }
    [Id(12)] public WindowStats? LastMinute { get; init; }
    [Id(13)] public WindowStats? LastHour { get; init; }
    /// <summary>Mentions per minute that are normal for this topic: the mean over the last hour before the last minute.</summary>
    [Id(14)] public double BaselineMentionsPerMinute { get; init; }
    /// <summary>Normal negative share over the last hour.</summary>
    [Id(15)] public double BaselineNegativeShare { get; init; }
}
