using System.Text.Json;
using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>
/// The noise scale is taken from the prediction errors of the last <see cref="SeasonalBaseline.ErrorBuckets"/> buckets,
/// not only the recent window the level follows. One-minute buckets, flat at 100 with a burst to 160 every 20 minutes
/// for 35 hours, then 200 calm minutes; no time-of-day profile yet (under two days), so expected is the recent median, 100.
/// </summary>
public sealed class LongScaleTests
{
    private const int Bursty = 2100;
    private const int Calm = 200;

    // Of the last 2 016 errors, 91 are +60 (the bursts) and the rest 0: the MAD is 0, the 98th percentile is 60, so
    // σ = 60 / 2.054. The last 120 buckets alone (all calm) would give the Poisson floor √100 = 10.
    private const double LongSigma = 60 / 2.054;

    [Fact]
    public void Estimate_AfterACalmSpell_ScaleStillKnowsTheTopicsUsualBursts()
    {
        var baseline = Feed(new SeasonalBaseline(60));

        var estimate = baseline.Estimate(Ticks(Bursty + Calm), warmupBuckets: 0);

        Assert.Equal(100, estimate.Expected);
        Assert.Equal(LongSigma, estimate.Scale, 9);
    }

    [Fact]
    public void Evaluate_AfterACalmSpell_AUsualBurstDoesNotOpenButALargerOneDoes()
    {
        var detector = new TopicDetector();
        for (var bucket = 0; bucket < Bursty + Calm; bucket++)
        {
            Step(detector, bucket, Value(bucket));
        }

        // z = 60 / 29.2 = 2.05: the burst the topic has every 20 minutes. Judged on the last 120 minutes only, the scale
        // would be 10 and this z = 6, an alert.
        Assert.Empty(Step(detector, Bursty + Calm, 160));
        Assert.Empty(Step(detector, Bursty + Calm + 1, 100));

        // z = 300 / 29.2 = 10.3: news.
        var open = Assert.Single(Step(detector, Bursty + Calm + 30, 400));
        Assert.Equal((AlertKind.VolumeSpike, AlertAction.Open, 400.0, 100.0), (open.Kind, open.Action, open.Observed, open.Expected));
    }

    [Fact]
    public void FromState_KeepsTheLongErrorWindow_OlderStateSeedsItFromTheRecentBuckets()
    {
        var state = Feed(new SeasonalBaseline(60)).ToState();
        Assert.Equal(SeasonalBaseline.ErrorBuckets, state.PredictionErrors!.Length);

        var restored = new SeasonalBaseline(60, JsonSerializer.Deserialize<SeasonalBaselineState>(JsonSerializer.Serialize(state))!);
        Assert.Equal(LongSigma, restored.Estimate(Ticks(Bursty + Calm), 0).Scale, 9);

        // A snapshot from before the long window: its 120 recent (calm) errors are all it knows, so the Poisson floor rules.
        var older = new SeasonalBaseline(60, state with { PredictionErrors = null });
        Assert.Equal(10, older.Estimate(Ticks(Bursty + Calm), 0).Scale, 9);
        Assert.Equal(SeasonalBaseline.RecentBuckets, older.ToState().PredictionErrors!.Length);
    }

    private static SeasonalBaseline Feed(SeasonalBaseline baseline)
    {
        for (var bucket = 0; bucket < Bursty + Calm; bucket++)
        {
            baseline.Add(Ticks(bucket), Value(bucket));
        }

        return baseline;
    }

    private static double Value(int bucket) => bucket < Bursty && bucket % 20 == 19 ? 160 : 100;

    private static long Ticks(int bucket) => MentionStream.Start.AddMinutes(bucket).UtcTicks;

    private static List<AlertSignal> Step(TopicDetector detector, int bucket, double count)
    {
        var at = MentionStream.Start.AddMinutes(bucket);
        detector.ObserveCounts(at, count);
        return detector.Evaluate(at).Where(s => s.Kind == AlertKind.VolumeSpike).ToList();
    }
}
