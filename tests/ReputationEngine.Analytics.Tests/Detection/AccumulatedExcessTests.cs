using System.Text.Json;
using ReputationEngine.Analytics.Detection;
using static ReputationEngine.Analytics.Tests.Detection.FiveMinuteBuckets;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>The accumulated-excess (CUSUM) volume test and the margin over routine peaks, in 5-minute event-time buckets.</summary>
public sealed class AccumulatedExcessTests
{
    [Fact]
    public void Evaluate_SlowRiseNoWindowOfTwelveCatches_OpensOnceFromTheStartOfTheRise()
    {
        // σ 60 around 100: a rise to 185 is 1.4 σ per bucket, about the 12-bucket mean's threshold (1.44 σ), and far under
        // a single bucket's (capped below 5 σ); it lasts five hours, after four days of history. With the scale taken
        // over the long error window (σ ≈ 65 here; the last 120 errors of a young profile gave a wider one) the 12-bucket
        // mean may get there as early as the accumulated excess: with this noise it fires 14 buckets into the rise. Since the
        // routine-peak margin is 1.3 (nab9) the 12-bucket mean no longer clears the topic's usual peak here, and the
        // accumulated excess opens it at the same bucket, its window being its run (from 4 buckets into the rise).
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(11);
        var signals = new List<AlertSignal>();
        const int Rise = 4 * BucketsPerDay;
        const int Length = 60;
        for (var bucket = 0; bucket < Rise + Length + 100; bucket++)
        {
            var level = bucket is >= Rise and < Rise + Length ? 185 : 100;
            signals.AddRange(Feed(detector, bucket, Noisy(level, random)));
        }

        var open = Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open });
        Assert.InRange(open.OpenedAt, At(Rise), At(Rise + Length));
        Assert.Equal((At(Rise + 14), At(Rise + 4)), (open.OpenedAt, open.WindowFrom));
        Assert.True(open.Observed >= 1.5 * open.Expected);
        Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Resolve });
    }

    [Fact]
    public void Evaluate_RiseOfAboutOneAndAQuarterSigmaForFourHours_OpensOnceFromItsStart()
    {
        // σ 60 around 100 (scale ≈ 65 over the long error window): a rise to 180 is ~1.2 σ per bucket, which neither a
        // single bucket nor (with this noise) the 12-bucket mean (1.44 σ) reaches; the accumulated excess crosses its
        // threshold of 9 after 35 buckets. At the former threshold of 12 this four-hour rise never opened.
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(7);
        var signals = new List<AlertSignal>();
        const int Rise = 4 * BucketsPerDay;
        const int Length = 48;
        for (var bucket = 0; bucket < Rise + Length + 100; bucket++)
        {
            var level = bucket is >= Rise and < Rise + Length ? 180 : 100;
            signals.AddRange(Feed(detector, bucket, Noisy(level, random)));
        }

        var open = Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open } && s.OpenedAt >= At(2 * BucketsPerDay));
        Assert.Equal((At(Rise + 35), At(Rise), 183.89, 96.13, 1), (open.OpenedAt, open.WindowFrom, open.Observed, open.Expected, open.Severity));
        Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Resolve } && s.OpenedAt == open.OpenedAt);
    }

    [Fact]
    public void Evaluate_LevelShiftAfterProfileIsLearned_OpensOnceAndNeverAgain()
    {
        // Daily cycle for three days, then the whole cycle doubles for three days: the accumulated excess fires with the
        // shift, keeps feeding the same alert while the baseline adapts, and the new level does not open another.
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(5);
        var signals = new List<AlertSignal>();
        const int Shift = 3 * BucketsPerDay;
        for (var bucket = 0; bucket < Shift + (3 * BucketsPerDay); bucket++)
        {
            var cycle = 100 + (50 * Math.Sin(2 * Math.PI * bucket / BucketsPerDay));
            var rate = bucket >= Shift ? 2 * cycle : cycle;
            signals.AddRange(Feed(detector, bucket, Math.Max(0, Math.Round(rate + (Math.Sqrt(rate) * Gaussian(random))))));
        }

        var opens = signals.Where(s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open }).Where(s => s.OpenedAt >= At(2 * BucketsPerDay)).ToList();
        var open = Assert.Single(opens);
        Assert.InRange(open.OpenedAt, At(Shift), At(Shift + 12));
        Assert.False(detector.IsOpen(AlertKind.VolumeSpike));
    }

    [Fact]
    public void Evaluate_BurstsOfRoutineSize_OnlyAClearlyLargerOneOpens()
    {
        // A flat topic with a burst of ~700 every four to eight hours at no fixed time (a busy account's posts): the first
        // ones alert, then they are routine; a burst twice as large still opens.
        var detector = new TopicDetector(FiveMinutes);
        var random = new Random(3);
        var signals = new List<AlertSignal>();
        var next = 36;
        var bursts = 0;
        var doubled = -1;
        for (var bucket = 0; bucket < 8 * BucketsPerDay; bucket++)
        {
            var rate = 100.0;
            if (bucket == next)
            {
                bursts++;
                next += 48 + random.Next(48);
                rate = bursts == 30 ? 1400 : 700;
                doubled = bursts == 30 ? bucket : doubled;
            }

            signals.AddRange(Feed(detector, bucket, Math.Max(0, Math.Round(rate + (Math.Sqrt(rate) * Gaussian(random))))));
        }

        var opens = signals.Where(s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open }).Select(s => s.OpenedAt).ToList();
        Assert.Contains(At(36), opens);
        Assert.DoesNotContain(opens, t => t >= At(2 * BucketsPerDay) && t != At(doubled));
        Assert.Contains(At(doubled), opens);
    }

    [Fact]
    public void FromState_MidAccumulation_ContinuesLikeTheOriginal()
    {
        var original = new TopicDetector(FiveMinutes);
        var twin = new TopicDetector(FiveMinutes);
        var randomA = new Random(11);
        var randomB = new Random(11);
        const int Rise = 4 * BucketsPerDay;
        var bucket = 0;
        for (; bucket < Rise + 10; bucket++)
        {
            var level = bucket >= Rise ? 185 : 100;
            Feed(original, bucket, Noisy(level, randomA));
            Feed(twin, bucket, Noisy(level, randomB));
        }

        var json = JsonSerializer.Serialize(twin.ToState());
        var restored = new TopicDetector(FiveMinutes, JsonSerializer.Deserialize<TopicDetectorState>(json));
        Assert.True(restored.ToLearnedState().Volume.Cusum > 0);
        var opened = false;
        for (; bucket < Rise + 100; bucket++)
        {
            var level = bucket < Rise + 60 ? 185 : 100;
            var a = Feed(original, bucket, Noisy(level, randomA));
            var b = Feed(restored, bucket, Noisy(level, randomB));
            Assert.Equal(a.Select(s => (s.Kind, s.Action, s.Severity, s.Observed, s.Expected)), b.Select(s => (s.Kind, s.Action, s.Severity, s.Observed, s.Expected)));
            opened |= b.Any(s => s.Action == AlertAction.Open);
        }

        Assert.True(opened);
    }

    private static DateTimeOffset At(int bucket) => MentionStream.Start.AddMinutes(BucketMinutes * bucket);

    private static IReadOnlyList<AlertSignal> Feed(TopicDetector detector, int bucket, double count)
    {
        detector.ObserveCounts(At(bucket), count);
        return detector.Evaluate(At(bucket));
    }

    // σ 60, capped below a single-bucket spike (5 σ).
    private static double Noisy(double level, Random random) => Math.Clamp(Math.Round(level + (60 * Gaussian(random))), 0, 390);

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
