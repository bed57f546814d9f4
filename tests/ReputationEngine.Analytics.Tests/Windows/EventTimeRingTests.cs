using ReputationEngine.Analytics.Windows;

namespace ReputationEngine.Analytics.Tests.Windows;

public sealed class EventTimeRingTests
{
    private static BucketTotals One(int sentimentClass = 1, double score = 0, long reach = 10) => BucketTotals.ForMention(sentimentClass, score, reach);

    [Fact]
    public void Add_EventsInSameBucket_SumsThem()
    {
        var ring = new EventTimeRing(60, 1);
        ring.Add(1000, One(0, -1, 5));
        ring.Add(1000, One(2, 1, 7));

        var bucket = ring.Get(1000);
        Assert.Equal(2, bucket.Mentions);
        Assert.Equal(1, bucket.Negative);
        Assert.Equal(1, bucket.Positive);
        Assert.Equal(12, bucket.Reach);
        Assert.Equal(0, bucket.AverageSentiment, 6);
    }

    [Fact]
    public void Add_LateEventInsideRing_LandsInItsOwnBucket()
    {
        var ring = new EventTimeRing(60, 1);
        ring.Add(1000, One());
        ring.Add(990, One());

        Assert.Equal(1, ring.Get(990).Mentions);
        Assert.Equal(1000, ring.NewestBucket);
        Assert.Equal(2, ring.Sum(941, 1000).Mentions);
    }

    [Fact]
    public void Add_EventOlderThanRing_IsRefused()
    {
        var ring = new EventTimeRing(60, 1);
        ring.Add(1000, One());

        Assert.False(ring.Add(940, One()));
        Assert.True(ring.Add(941, One()));
    }

    [Fact]
    public void Add_TimeMovesPastWholeRing_OldSlotsReadAsEmpty()
    {
        var ring = new EventTimeRing(10, 1);
        ring.Add(100, One());
        ring.Add(110, One());

        Assert.Equal(0, ring.Get(100).Mentions);
        Assert.Equal(1, ring.Sum(0, 200).Mentions);
    }

    [Fact]
    public void BucketOf_MinuteBuckets_FloorsIncludingNegativeTimes()
    {
        var ring = new EventTimeRing(10, 60);
        Assert.Equal(1, ring.BucketOf(119));
        Assert.Equal(2, ring.BucketOf(120));
        Assert.Equal(-1, ring.BucketOf(-1));
    }

    [Fact]
    public void ToState_Restore_RoundTripsLiveBuckets()
    {
        var ring = new EventTimeRing(3600, 1);
        for (var t = 0; t < 100; t += 7)
        {
            ring.Add(5000 + t, One(t % 3, (t % 3) - 1, t));
        }

        var restored = new EventTimeRing(3600, 1);
        restored.Restore(ring.ToState());

        Assert.Equal(ring.NewestBucket, restored.NewestBucket);
        var a = ring.Sum(0, 10_000);
        var b = restored.Sum(0, 10_000);
        Assert.Equal(a.Mentions, b.Mentions);
        Assert.Equal(a.Reach, b.Reach);
        Assert.Equal(a.Negative, b.Negative);
        Assert.Equal(a.SentimentSum, b.SentimentSum, 9);
    }
}
