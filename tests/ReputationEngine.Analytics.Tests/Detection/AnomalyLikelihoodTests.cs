using System.Text.Json;
using ReputationEngine.Analytics.Detection;
using static ReputationEngine.Analytics.Tests.Detection.FiveMinuteBuckets;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>
/// The anomaly likelihood (the recent mean z against its own long-run distribution) and the smaller ratio test an extreme
/// accumulated excess passes, in 5-minute event-time buckets.
/// </summary>
public sealed class AnomalyLikelihoodTests
{
    [Fact]
    public void Evaluate_BurstyTopicsLevelTriples_OpensOnceOnTheLikelihood()
    {
        // A level of 100 (Poisson noise) with a burst of +600 in 3 % of the buckets at random times: the 98th-percentile
        // term makes the scale ~290, so a rise of the level to 300 is only ~0.7 σ per bucket — under the accumulated
        // excess's slack, and ~2.4 σ for the 12-bucket mean. Its recent mean z, though, stands far above its usual spread.
        var signals = Run(seed: 1, riseTo: 300);
        var open = Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open } && s.OpenedAt >= At(2 * BucketsPerDay));
        // Opened 19 buckets into the rise, the window being the likelihood's 24 buckets (five before the rise).
        Assert.Equal((At(Rise + 19), At(Rise - 5), 262.17, 110.87, 1), (open.OpenedAt, open.WindowFrom, Math.Round(open.Observed, 2), Math.Round(open.Expected, 2), open.Severity));
        Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Resolve } && s.OpenedAt == open.OpenedAt);
    }

    [Fact]
    public void Evaluate_BurstyTopicsLevelRisesByAQuarter_OpensOnTheLikelihoodWithTheSmallerRatio()
    {
        // A level of 1 000 with +1 000 bursts in 2.5 % of the buckets (scale ≈ 500): a rise to 1 250 for three hours is
        // ~0.5 σ a bucket. The likelihood passes its threshold with the 24 buckets' mean at 1.21× the expected: under the
        // usual 1.5× (so before the likelihood took the smaller ratio, nothing opened), over the 1.1× that extreme
        // significance needs.
        var signals = Run(seed: 3, riseTo: 1250, level: 1000, burst: 1000, burstShare: 0.025);
        var open = Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open } && s.OpenedAt >= At(2 * BucketsPerDay));
        // 22 buckets into the rise, the window being the likelihood's 24 buckets (two before the rise).
        Assert.Equal((At(Rise + 22), At(Rise - 2), 1228.62, 1014.24, 1), (open.OpenedAt, open.WindowFrom, Math.Round(open.Observed, 2), Math.Round(open.Expected, 2), open.Severity));
    }

    [Fact]
    public void Evaluate_BurstyTopicWithoutARise_OpensNothingAfterItsFirstDays()
    {
        var signals = Run(seed: 1, riseTo: 100);
        Assert.DoesNotContain(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open } && s.OpenedAt >= At(2 * BucketsPerDay));
    }

    [Fact]
    public void Evaluate_RiseOfTwentyPercentOnALowNoiseTopic_OpensOnceWhenTheExcessIsExtreme()
    {
        // A level of 1 000 (Poisson noise, σ ≈ 32) rising to 1 200 for six hours: ~6 σ per bucket, but under the 1.5× ratio,
        // so before the extreme-excess rule it never opened. The accumulated excess reaches 5 × its threshold (45) and then
        // only needs 1.1×. The rise comes at 2.5 days, after the time-of-day profile (2 days) but before the anomaly
        // likelihood has its 288 means (which on this plain Poisson topic would open it first, 13 buckets in).
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(2);
        var signals = new List<AlertSignal>();
        const int Rise = (2 * BucketsPerDay) + (BucketsPerDay / 2);
        for (var bucket = 0; bucket < Rise + 72 + 100; bucket++)
        {
            var rate = bucket is >= Rise and < Rise + 72 ? 1200.0 : 1000.0;
            signals.AddRange(Feed(detector, bucket, Poisson(rate, random)));
        }

        var open = Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open } && s.OpenedAt >= At(2 * BucketsPerDay));
        // By the accumulated excess, 17 buckets into the rise, its window being its run (from the rise's first bucket).
        Assert.Equal((At(Rise + 17), At(Rise), 1206.35, 1007.43, 8), (open.OpenedAt, open.WindowFrom, Math.Round(open.Observed, 2), Math.Round(open.Expected, 2), open.Severity));
    }

    [Fact]
    public void Evaluate_RiseOfEightPercentOnALowNoiseTopic_NeverOpens()
    {
        // 2.5 σ per bucket for four hours: the excess grows far beyond 45, but 1.08× is under even the extreme excess's 1.1×.
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(2);
        var signals = new List<AlertSignal>();
        for (var bucket = 0; bucket < Rise + 48 + 100; bucket++)
        {
            var rate = bucket is >= Rise and < Rise + 48 ? 1080.0 : 1000.0;
            signals.AddRange(Feed(detector, bucket, Poisson(rate, random)));
        }

        Assert.DoesNotContain(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open } && s.OpenedAt >= At(2 * BucketsPerDay));
    }

    [Fact]
    public void FromState_JsonRoundTrip_KeepsTheLikelihood_OlderStateStartsItAfresh()
    {
        var baseline = new SeasonalBaseline(BucketMinutes * 60);
        var random = new Random(4);
        for (var bucket = 0; bucket < 4 * BucketsPerDay; bucket++)
        {
            baseline.Add(At(bucket).UtcTicks, Poisson(bucket >= (4 * BucketsPerDay) - 10 ? 160 : 100, random));
        }

        var state = baseline.ToState();
        Assert.Equal(SeasonalBaseline.LikelihoodBuckets, state.RecentZ!.Length);
        Assert.True(baseline.LikelihoodZ > 3, $"likelihood {baseline.LikelihoodZ}");
        var restored = new SeasonalBaseline(BucketMinutes * 60, JsonSerializer.Deserialize<SeasonalBaselineState>(JsonSerializer.Serialize(state))!);
        var older = new SeasonalBaseline(BucketMinutes * 60, state with { RecentZ = null, ZMeans = 0, ZMeanAverage = 0, ZMeanVariance = 0, LikelihoodZ = 0 });
        Assert.Equal(baseline.LikelihoodZ, restored.LikelihoodZ);
        Assert.Equal(0, older.LikelihoodZ);
        for (var bucket = 4 * BucketsPerDay; bucket < (4 * BucketsPerDay) + 5; bucket++)
        {
            var value = Poisson(160, random);
            baseline.Add(At(bucket).UtcTicks, value);
            restored.Add(At(bucket).UtcTicks, value);
            older.Add(At(bucket).UtcTicks, value);
            Assert.Equal(baseline.LikelihoodZ, restored.LikelihoodZ);
            Assert.Equal(0, older.LikelihoodZ);
        }
    }

    private const int Rise = 6 * BucketsPerDay;

    private static List<AlertSignal> Run(int seed, double riseTo, double level = 100, double burst = 600, double burstShare = 0.03)
    {
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(seed);
        var signals = new List<AlertSignal>();
        for (var bucket = 0; bucket < Rise + 36 + 100; bucket++)
        {
            var rate = bucket is >= Rise and < Rise + 36 ? riseTo : level;
            if (random.NextDouble() < burstShare)
            {
                rate += burst;
            }

            signals.AddRange(Feed(detector, bucket, Poisson(rate, random)));
        }

        return signals;
    }

    private static DateTimeOffset At(int bucket) => MentionStream.Start.AddMinutes(BucketMinutes * bucket);

    private static IReadOnlyList<AlertSignal> Feed(TopicDetector detector, int bucket, double count)
    {
        detector.ObserveCounts(At(bucket), count);
        return detector.Evaluate(At(bucket));
    }

    private static double Poisson(double rate, Random random) => Math.Max(0, Math.Round(rate + (Math.Sqrt(rate) * Gaussian(random))));

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
