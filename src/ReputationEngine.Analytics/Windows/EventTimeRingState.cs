namespace ReputationEngine.Analytics.Windows;

/// <summary>
/// The persisted form of an <see cref="EventTimeRing"/>: its non-empty live buckets as parallel arrays of
/// primitives, so any serializer can store it without knowing analytics types.
/// </summary>
public sealed record EventTimeRingState(
    long NewestBucket,
    long[] Buckets,
    int[] Mentions,
    int[] Positive,
    int[] Neutral,
    int[] Negative,
    double[] SentimentSum,
    long[] Reach)
{
    public static EventTimeRingState Empty { get; } = new(long.MinValue, [], [], [], [], [], [], []);
}
