using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Topics;

[GenerateSerializer]
public sealed class TopicState
{
    [Id(0)] public TopicDefinition? Definition { get; set; }
    [Id(1)] public long TotalMentions { get; set; }
    [Id(2)] public long Positive { get; set; }
    [Id(3)] public long Neutral { get; set; }
    [Id(4)] public long Negative { get; set; }
    [Id(5)] public double SentimentSum { get; set; }
    [Id(6)] public long Reach { get; set; }
    [Id(7)] public RingState? Seconds { get; set; }
    [Id(8)] public RingState? Minutes { get; set; }
    [Id(9)] public AppliedWatermarks Applied { get; set; } = new();
    [Id(10)] public DateTimeOffset? LatestEventAt { get; set; }
    /// <summary>Mentions older than the per-minute window: counted in totals, not in any window.</summary>
    [Id(11)] public long TooLateForWindows { get; set; }
    [Id(12)] public AlertBookState Alerts { get; set; } = new();
    /// <summary>
    /// The detectors' live state (open bucket, tracked conversations, alert trackers) as JSON. State written before
    /// <see cref="TopicLearnedDetectorState"/> existed holds the learned baselines here too.
    /// </summary>
    [Id(13)] public byte[]? Detector { get; set; }
}

/// <summary>
/// What a topic's detectors learned from closed buckets (baselines, term rates) as JSON, stored apart from
/// <see cref="TopicState"/>: it changes once per bucket, the live state at every checkpoint, and it is most of the bytes.
/// </summary>
[GenerateSerializer]
public sealed class TopicLearnedDetectorState
{
    [Id(0)] public byte[]? Detector { get; set; }
}
