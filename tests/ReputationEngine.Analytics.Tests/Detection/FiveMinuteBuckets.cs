using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>Event-time buckets of five minutes, as the NAB-like series in these tests use.</summary>
internal static class FiveMinuteBuckets
{
    public const int BucketMinutes = 5;
    public const int BucketsPerDay = 24 * 60 / BucketMinutes;
    public static readonly AlertingSettings FiveMinutes = new() { BucketSeconds = BucketMinutes * 60 };
}
