using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Evaluation.Nab;

/// <summary>
/// Turns a NAB series into event-time mention counts and runs the topic detector over them
/// (one bucket per row interval, one evaluation per row, as a grain would per batch).
/// Values are shifted and scaled so the probationary period's median becomes
/// <see cref="TargetMedianCount"/> mentions per bucket: NAB mixes CPU percentages, latencies and
/// counts, and a mention stream is a count. Only the probationary rows set the scale.
/// </summary>
public static class NabRunner
{
    public const double TargetMedianCount = 100;

    /// <summary>The detector's resolve delay, in buckets (the defaults use 15 one-minute buckets).</summary>
    public const double ResolveAfterBuckets = 15;

    public static (double Offset, double Scale) Expansion(NabSeries series, double targetMedian = TargetMedianCount)
    {
        ArgumentNullException.ThrowIfNull(series);
        var probation = Math.Max(1, NabScorer.ProbationaryRows(series.Values.Length));
        var head = series.Values.Take(probation).ToArray();
        var offset = Math.Min(0, head.Min());
        var sorted = head.Select(v => v - offset).Order().ToArray();
        var median = sorted[sorted.Length / 2];
        if (median <= 0)
        {
            median = Math.Max(sorted.Max(), 1e-9);
        }

        return (offset, targetMedian / median);
    }

    /// <summary>Mentions for one row value: shifted, scaled and rounded, never negative.</summary>
    public static int Count(double value, double offset, double scale) => (int)Math.Max(0, Math.Round((value - offset) * scale));

    public static TimeSpan Interval(NabSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var diffs = series.Timestamps.Zip(series.Timestamps.Skip(1), (a, b) => (b - a).TotalSeconds).Where(d => d > 0).Order().ToArray();
        return TimeSpan.FromSeconds(diffs.Length == 0 ? 300 : diffs[diffs.Length / 2]);
    }

    public static AlertingSettings SettingsFor(NabSeries series, AlertingSettings? baseSettings = null)
    {
        var interval = Interval(series);
        var s = baseSettings ?? AlertingSettings.Default;
        return s with { BucketSeconds = interval.TotalSeconds, ResolveAfterMinutes = ResolveAfterBuckets * interval.TotalMinutes };
    }

    /// <summary>Writes every volume signal with its row, against the labelled windows.</summary>
    public static void Trace(NabSeries series, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(output);
        var (offset, scale) = Expansion(series);
        var detector = new TopicDetector(SettingsFor(series));
        output.WriteLine($"windows: {string.Join(", ", series.Windows.Select(w => $"{w.From:O}..{w.To:O}"))}; probation rows {NabScorer.ProbationaryRows(series.Values.Length)}");
        for (var i = 0; i < series.Values.Length; i++)
        {
            var at = new DateTimeOffset(series.Timestamps[i], TimeSpan.Zero);
            detector.ObserveCounts(at, Count(series.Values[i], offset, scale));
            foreach (var s in detector.Evaluate(at).Where(s => s.Kind == AlertKind.VolumeSpike))
            {
                output.WriteLine($"{i,6} {at:O} {s.Action,-7} sev {s.Severity,2} observed {s.Observed,8} expected {s.Expected,8}");
            }
        }
    }

    /// <summary>
    /// Rows at which a volume spike opened; with <paramref name="withDrops"/> also where one opened
    /// on the mirrored series (what a drop detector built the same way would report).
    /// </summary>
    public static List<int> DetectionRows(NabSeries series, AlertingSettings? baseSettings = null, bool withDrops = false, double targetMedian = TargetMedianCount)
    {
        ArgumentNullException.ThrowIfNull(series);
        var rows = SpikeRows(series, baseSettings, targetMedian);
        if (withDrops)
        {
            var top = series.Values.Max();
            var mirrored = series with { Values = series.Values.Select(v => top - v).ToArray() };
            rows = rows.Concat(SpikeRows(mirrored, baseSettings, targetMedian)).Distinct().Order().ToList();
        }

        return rows;
    }

    private static List<int> SpikeRows(NabSeries series, AlertingSettings? baseSettings, double targetMedian)
    {
        var (offset, scale) = Expansion(series, targetMedian);
        var detector = new TopicDetector(SettingsFor(series, baseSettings));
        var rows = new List<int>();
        for (var i = 0; i < series.Values.Length; i++)
        {
            var at = new DateTimeOffset(series.Timestamps[i], TimeSpan.Zero);
            detector.ObserveCounts(at, Count(series.Values[i], offset, scale));
            foreach (var signal in detector.Evaluate(at))
            {
                if (signal.Kind == AlertKind.VolumeSpike && signal.Action == AlertAction.Open)
                {
                    rows.Add(i);
                }
            }
        }

        return rows;
    }
}
