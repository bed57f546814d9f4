using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Windows;

namespace ReputationEngine.Grains.Topics;

/// <summary>A topic's two event-time windows: per second for the last hour, per minute for the last week.</summary>
public sealed class TopicWindows
{
    public const int SecondBuckets = 3600;
    public const int MinuteBuckets = 7 * 24 * 60;
    public const int MaxTimeSeriesPoints = 2000;

    public EventTimeRing Seconds { get; } = new(SecondBuckets, 1);

    public EventTimeRing Minutes { get; } = new(MinuteBuckets, 60);

    /// <summary>Adds one mention; false when it is older than the week window.</summary>
    public bool Add(DateTimeOffset createdAt, in BucketTotals totals)
    {
        var unix = createdAt.ToUnixTimeSeconds();
        Seconds.Add(unix, totals);
        return Minutes.Add(unix, totals);
    }

    public void Restore(RingState? seconds, RingState? minutes)
    {
        if (seconds is not null)
        {
            Seconds.Restore(seconds.ToAnalytics());
        }

        if (minutes is not null)
        {
            Minutes.Restore(minutes.ToAnalytics());
        }
    }

    /// <summary>The last 60 seconds up to the newest event.</summary>
    public WindowStats LastMinute() => Window(Seconds, 60);

    /// <summary>The last 60 minutes up to the newest event.</summary>
    public WindowStats LastHour() => Window(Minutes, 60);

    public TimeSeriesPoint[] Series(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        var stepSeconds = Math.Max(1, (long)step.TotalSeconds);
        // Per-second detail only exists for the last hour; everything else comes from the minute ring.
        var ring = stepSeconds < 60 && Seconds.NewestBucket != long.MinValue
            && from.ToUnixTimeSeconds() > (Seconds.NewestBucket - Seconds.Capacity) * Seconds.BucketSeconds
            ? Seconds
            : Minutes;
        stepSeconds = Math.Max(stepSeconds, ring.BucketSeconds);
        var start = ring.BucketOf(from.ToUnixTimeSeconds());
        var end = ring.BucketOf(to.ToUnixTimeSeconds());
        var bucketsPerPoint = stepSeconds / ring.BucketSeconds;
        var points = new List<TimeSeriesPoint>();
        for (var bucket = start; bucket <= end && points.Count < MaxTimeSeriesPoints; bucket += bucketsPerPoint)
        {
            var t = ring.Sum(bucket, Math.Min(end, bucket + bucketsPerPoint - 1));
            points.Add(new TimeSeriesPoint(ring.StartOf(bucket), t.Mentions, t.Positive, t.Neutral, t.Negative, t.AverageSentiment, t.Reach));
        }

        return [.. points];
    }

    private static WindowStats Window(EventTimeRing ring, int buckets)
    {
        if (ring.NewestBucket == long.MinValue)
        {
            return new WindowStats(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, 0, 0, 0, 0, 0);
        }

        var from = ring.NewestBucket - buckets + 1;
        var t = ring.Sum(from, ring.NewestBucket);
        return new WindowStats(
            ring.StartOf(from), ring.StartOf(ring.NewestBucket + 1), t.Mentions, t.Positive, t.Neutral, t.Negative, t.AverageSentiment, t.Reach);
    }
}
