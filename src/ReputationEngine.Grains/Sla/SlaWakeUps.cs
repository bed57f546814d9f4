using ReputationEngine.Grains.Ingest;

namespace ReputationEngine.Grains.Sla;

/// <summary>How SLA wake-ups are grouped in time.</summary>
public static class SlaWakeUps
{
    /// <summary>Wake-ups are grouped into buckets this wide (and fire up to one width late).</summary>
    public static readonly TimeSpan BucketWidth = TimeSpan.FromSeconds(5);

    /// <summary>The first bucket boundary at or after <paramref name="at"/>.</summary>
    public static long Bucket(DateTimeOffset at)
    {
        var width = BucketWidth.Ticks;
        return (at.UtcTicks + width - 1) / width * width;
    }

    public static ISlaWakeUpGrain At(this IGrainFactory grains, long bucket) => grains.GetCachedGrain<ISlaWakeUpGrain>(bucket);

    public static ISlaScheduleGrain SlaSchedule(this IGrainFactory grains) => grains.GetGrain<ISlaScheduleGrain>(ISlaScheduleGrain.Key);
}
