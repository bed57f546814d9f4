using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

public sealed class VolumeSpikeTests
{
    [Fact]
    public void Evaluate_LevelShift_OpensOnceThenResolvesWithoutRealerting()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 9 * 60; minute++)
        {
            stream.Minute(detector, minute, stream.Noisy(minute < 3 * 60 ? 50 : 200));
        }

        Assert.Equal(1, stream.Count(AlertKind.VolumeSpike, AlertAction.Open));
        Assert.Equal(1, stream.Count(AlertKind.VolumeSpike, AlertAction.Resolve));
        Assert.False(detector.IsOpen(AlertKind.VolumeSpike));
    }

    [Fact]
    public void Evaluate_Burst_OpensOnceUpdatesAndResolvesAfterCalm()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 4 * 60; minute++)
        {
            var burst = minute is >= 120 and < 135;
            var rate = burst ? 100 + (40 * (minute - 120)) : 50;
            stream.Minute(detector, minute, stream.Noisy(rate), text: burst ? "acme outage again, app down" : "just a normal day with acme");
        }

        var volume = stream.Signals.Where(s => s.Kind == AlertKind.VolumeSpike).ToList();
        Assert.Equal(1, volume.Count(s => s.Action == AlertAction.Open));
        Assert.Contains(volume, s => s.Action == AlertAction.Update);
        var open = volume.Single(s => s.Action == AlertAction.Open);
        var resolve = volume.Single(s => s.Action == AlertAction.Resolve);
        Assert.InRange(open.WindowTo, MentionStream.Start.AddMinutes(120), MentionStream.Start.AddMinutes(123));
        Assert.True(resolve.WindowTo >= MentionStream.Start.AddMinutes(135) + AlertingSettings.Default.ResolveAfter);
        var updates = volume.Where(s => s.Action == AlertAction.Update).Select(s => s.Severity).ToList();
        Assert.Equal(updates.Order(), updates); // severity only rises within one alert
        Assert.All(volume, s => Assert.Equal(open.OpenedAt, s.OpenedAt));
        Assert.Contains(open.Evidence.Terms, t => t.Term == "outage");
        Assert.NotEmpty(open.Evidence.Samples);
        Assert.True(open.Observed > open.Expected * 1.5);
    }

    [Fact]
    public void Evaluate_MentionThatMakesSpikeDetectable_OpensInSameEvaluate()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 60; minute++)
        {
            stream.Minute(detector, minute, stream.Noisy(30));
        }

        // Mid-minute, one batch at a time: the first evaluation whose count crosses the threshold opens.
        var at = MentionStream.Start.AddMinutes(60);
        var opened = -1;
        for (var i = 0; i < 200 && opened < 0; i++)
        {
            detector.Observe(stream.Mention(at.AddMilliseconds(i * 100), false, "spike", 10));
            if (detector.Evaluate(at.AddMilliseconds(i * 100)).Any(s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open }))
            {
                opened = i + 1;
            }
        }

        Assert.InRange(opened, 31, 100);
    }

    [Fact]
    public void Evaluate_DailyCycle_DoesNotAlertAtDailyPeak()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        const int Days = 5;
        for (var minute = 0; minute < Days * 24 * 60; minute++)
        {
            // Peak of 100/min in the afternoon, trough of 10/min at night.
            var rate = 55 + (45 * Math.Sin(2 * Math.PI * ((minute / 1440.0) - 0.375)));
            stream.Minute(detector, minute, stream.Noisy(rate), text: null); // no text: keeps the test fast
        }

        var openedAfterWarmup = stream.Signals.Where(s => s.Kind == AlertKind.VolumeSpike && s.Action == AlertAction.Open && s.OpenedAt >= MentionStream.Start.AddDays(2));
        Assert.Empty(openedAfterWarmup);
    }

    [Fact]
    public void Evaluate_QuietTopic_NeverAlertsBelowMinimumVolume()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        for (var minute = 0; minute < 180; minute++)
        {
            stream.Minute(detector, minute, minute == 150 ? 8 : (minute % 10 == 0 ? 1 : 0));
        }

        Assert.Equal(0, stream.Count(AlertKind.VolumeSpike, AlertAction.Open));
    }

    [Fact]
    public void Evaluate_BusyWeekends_AlertOnlyUntilWeeklyProfileIsLearned()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        var signals = new List<AlertSignal>();
        const int Days = 21;
        for (var minute = 0; minute < Days * 1440; minute++)
        {
            var at = MentionStream.Start.AddMinutes(minute); // a Monday
            var weekend = at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            detector.ObserveCounts(at, stream.Noisy(weekend ? 300 : 100));
            signals.AddRange(detector.Evaluate(at));
        }

        var opens = signals.Where(s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open }).ToList();
        Assert.Contains(opens, s => s.OpenedAt < MentionStream.Start.AddDays(14)); // the first weekends surprise it
        Assert.DoesNotContain(opens, s => s.OpenedAt >= MentionStream.Start.AddDays(15)); // the third does not
    }
    [Fact]
    public void Evaluate_SustainedRiseInNoisyTopic_OpensOnceThoughNoSingleBucketStandsOut()
    {
        // 5-minute buckets around 100 with noise of σ 40 (twice Poisson's): a single bucket needs about 300 to stand out.
        var detector = new TopicDetector(new AlertingSettings { BucketSeconds = 300 });
        var random = new Random(7);
        var signals = new List<AlertSignal>();
        const int Rise = 3 * 288; // after three days, so the time-of-day profile is in use
        for (var bucket = 0; bucket < Rise + 200; bucket++)
        {
            var level = bucket is >= Rise and < Rise + 36 ? 190 : 100;
            var noise = 40 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var count = Math.Clamp(Math.Round(level + noise), 0, 250); // capped: no bucket reaches a single-bucket spike
            var at = MentionStream.Start.AddMinutes(5 * bucket);
            detector.ObserveCounts(at, count);
            signals.AddRange(detector.Evaluate(at));
        }

        var opens = signals.Where(s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open }).ToList();
        var open = Assert.Single(opens);
        Assert.InRange(open.OpenedAt, MentionStream.Start.AddMinutes(5 * Rise), MentionStream.Start.AddMinutes(5 * (Rise + 36)));
        Assert.True(open.Observed >= 1.5 * open.Expected);
        Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Resolve });
    }
    [Fact]
    public void Evaluate_HistoryInOneBatch_EvidenceComesFromTheSpikeNotTheNewestWindow()
    {
        var stream = new MentionStream();
        var detector = new TopicDetector();
        // Three hours of ordinary chatter, a 10-minute outage burst, then an hour of a different, calm complaint,
        // all observed before a single evaluation (a backlog or a replay batch).
        for (var minute = 0; minute < 4 * 60 + 10; minute++)
        {
            var burst = minute is >= 180 and < 190;
            var text = burst ? "acme outage servers down" : minute >= 190 ? "refund three weeks waiting" : "just a normal day with acme";
            var at = MentionStream.Start.AddMinutes(minute);
            var count = burst ? 400 : 30;
            for (var i = 0; i < count; i++)
            {
                detector.Observe(stream.Mention(at.AddSeconds(59.0 * i / count), negative: false, text, followers: 100 + i));
            }
        }

        var signals = detector.Evaluate(MentionStream.Start.AddMinutes((4 * 60) + 10));
        var open = Assert.Single(signals, s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open });
        Assert.Equal(MentionStream.Start.AddMinutes(180), open.WindowFrom);
        Assert.Equal(400, open.Observed);
        Assert.Equal(["acme", "down", "outage", "servers"], open.Evidence.Terms.Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.All(open.Evidence.Samples, sample => Assert.Equal("acme outage servers down", sample.Text));
    }
}
