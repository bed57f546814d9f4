namespace ReputationEngine.Analytics.Windows;

/// <summary>
/// A bounded ring of fixed-width event-time buckets. Late events land in their own bucket while it is
/// still inside the ring; events older than the ring are refused (the caller still counts them in totals).
/// Slots are validated lazily by the bucket number they hold, so advancing time costs nothing.
/// </summary>
public sealed class EventTimeRing
{
    private readonly long[] _bucketOfSlot;
    private readonly BucketTotals[] _totals;

    public EventTimeRing(int capacity, int bucketSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketSeconds, 1);
        Capacity = capacity;
        BucketSeconds = bucketSeconds;
        _bucketOfSlot = new long[capacity];
        Array.Fill(_bucketOfSlot, long.MinValue);
        _totals = new BucketTotals[capacity];
        NewestBucket = long.MinValue;
    }

    public int Capacity { get; }

    public int BucketSeconds { get; }

    /// <summary>The newest bucket number seen (unix seconds / bucket width), or <see cref="long.MinValue"/> when empty.</summary>
    public long NewestBucket { get; private set; }

    public long BucketOf(long unixSeconds)
    {
        var (quotient, remainder) = Math.DivRem(unixSeconds, (long)BucketSeconds);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    public DateTimeOffset StartOf(long bucket) => DateTimeOffset.FromUnixTimeSeconds(bucket * BucketSeconds);

    /// <summary>Adds to the bucket holding <paramref name="unixSeconds"/>; false when that bucket has left the ring.</summary>
    public bool Add(long unixSeconds, in BucketTotals delta)
    {
        var bucket = BucketOf(unixSeconds);
        if (NewestBucket != long.MinValue && bucket <= NewestBucket - Capacity)
        {
            return false;
        }

        if (bucket > NewestBucket)
        {
            NewestBucket = bucket;
        }

        var slot = SlotOf(bucket);
        if (_bucketOfSlot[slot] != bucket)
        {
            _bucketOfSlot[slot] = bucket;
            _totals[slot] = default;
        }

        _totals[slot].Add(delta);
        return true;
    }

    /// <summary>The totals of one bucket (zero when it holds nothing or has left the ring).</summary>
    public BucketTotals Get(long bucket)
    {
        if (!IsLive(bucket))
        {
            return default;
        }

        var slot = SlotOf(bucket);
        return _bucketOfSlot[slot] == bucket ? _totals[slot] : default;
    }

    /// <summary>Sums the buckets in [<paramref name="fromBucket"/>, <paramref name="toBucket"/>].</summary>
    public BucketTotals Sum(long fromBucket, long toBucket)
    {
        var sum = default(BucketTotals);
        if (NewestBucket == long.MinValue)
        {
            return sum;
        }

        fromBucket = Math.Max(fromBucket, NewestBucket - Capacity + 1);
        toBucket = Math.Min(toBucket, NewestBucket);
        for (var bucket = fromBucket; bucket <= toBucket; bucket++)
        {
            var slot = SlotOf(bucket);
            if (_bucketOfSlot[slot] == bucket)
            {
                sum.Add(_totals[slot]);
            }
        }

        return sum;
    }

    public EventTimeRingState ToState()
    {
        // Only live, non-empty buckets are kept: a quiet topic persists a few entries, not the whole ring.
        var slots = new List<int>();
        for (var slot = 0; slot < Capacity; slot++)
        {
            if (IsLive(_bucketOfSlot[slot]) && _totals[slot].Mentions > 0)
            {
                slots.Add(slot);
            }
        }

        return new EventTimeRingState(
            NewestBucket,
            [.. slots.Select(s => _bucketOfSlot[s])],
            [.. slots.Select(s => _totals[s].Mentions)],
            [.. slots.Select(s => _totals[s].Positive)],
            [.. slots.Select(s => _totals[s].Neutral)],
            [.. slots.Select(s => _totals[s].Negative)],
            [.. slots.Select(s => _totals[s].SentimentSum)],
            [.. slots.Select(s => _totals[s].Reach)]);
    }

    public void Restore(EventTimeRingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Array.Fill(_bucketOfSlot, long.MinValue);
        Array.Clear(_totals);
        NewestBucket = state.NewestBucket;
        for (var i = 0; i < state.Buckets.Length; i++)
        {
            var bucket = state.Buckets[i];
            if (!IsLive(bucket))
            {
                continue;
            }

            var slot = SlotOf(bucket);
            _bucketOfSlot[slot] = bucket;
            _totals[slot] = new BucketTotals
            {
                Mentions = state.Mentions[i],
                Positive = state.Positive[i],
                Neutral = state.Neutral[i],
                Negative = state.Negative[i],
                SentimentSum = state.SentimentSum[i],
                Reach = state.Reach[i],
            };
        }
    }

    private bool IsLive(long bucket) =>
        NewestBucket != long.MinValue && bucket != long.MinValue && bucket <= NewestBucket && bucket > NewestBucket - Capacity;

    private int SlotOf(long bucket) => (int)(((bucket % Capacity) + Capacity) % Capacity);
}
