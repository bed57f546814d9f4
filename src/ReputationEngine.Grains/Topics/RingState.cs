using ReputationEngine.Analytics.Windows;

namespace ReputationEngine.Grains.Topics;

/// <summary>Serializable mirror of <see cref="EventTimeRingState"/>.</summary>
[GenerateSerializer]
public sealed record RingState(
    [property: Id(0)] long NewestBucket,
    [property: Id(1)] long[] Buckets,
    [property: Id(2)] int[] Mentions,
    [property: Id(3)] int[] Positive,
    [property: Id(4)] int[] Neutral,
    [property: Id(5)] int[] Negative,
    [property: Id(6)] double[] SentimentSum,
    [property: Id(7)] long[] Reach)
{
    public static RingState From(EventTimeRingState s) =>
        new(s.NewestBucket, s.Buckets, s.Mentions, s.Positive, s.Neutral, s.Negative, s.SentimentSum, s.Reach);

    public EventTimeRingState ToAnalytics() =>
        new(NewestBucket, Buckets, Mentions, Positive, Neutral, Negative, SentimentSum, Reach);
}
