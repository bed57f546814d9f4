namespace ReputationEngine.Evaluation.Nab;

/// <summary>
/// NAB scoring, written from its published description (Lavin &amp; Ahmad, "Evaluating Real-time
/// Anomaly Detection Algorithms — the Numenta Anomaly Benchmark", 2015, and the NAB wiki):
/// detections in the probationary period (first 15 % of a file, at most 750 rows) are ignored; in
/// each labelled window only the earliest detection counts, worth A_TP·σ(y) where y runs from −1
/// at the window's start to 0 at its end and σ(y) = 2/(1+e^{5y}) − 1; a detection outside every
/// window costs A_FP·σ(y) with y the distance past the previous window's end in window lengths
/// (−1 when no window precedes it or y &gt; 3); each window without detection costs A_FN.
/// The corpus score is normalised to 100·(S − S_null)/(S_perfect − S_null), where the null
/// detector never fires and the perfect one fires at each window's first row.
/// </summary>
public static class NabScorer
{
    public const double ProbationaryFraction = 0.15;
    public const int MaxProbationaryRows = 750;

    /// <summary>Beyond this many window lengths past a window, a false positive costs the full weight.</summary>
    public const double MaxRelativePosition = 3.0;

    public static int ProbationaryRows(int rows) => (int)Math.Min(Math.Floor(ProbationaryFraction * rows), ProbationaryFraction * 5000);

    public static double ScaledSigmoid(double y) => y > MaxRelativePosition ? -1.0 : (2.0 / (1.0 + Math.Exp(5.0 * y))) - 1.0;

    /// <summary>Raw score of one file, its counts, and the null and perfect scores for normalisation.</summary>
    public static NabFileScore Score(NabSeries series, IReadOnlyCollection<int> detectionRows, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(detectionRows);
        ArgumentNullException.ThrowIfNull(profile);
        var windows = series.Windows.Select(w => (Left: LowerBound(series.Timestamps, w.From), Right: UpperBound(series.Timestamps, w.To) - 1)).ToArray();
        var probation = ProbationaryRows(series.Timestamps.Length);
        var detected = new bool[windows.Length];
        double score = 0;
        int tp = 0, fp = 0;
        foreach (var row in detectionRows.Where(r => r >= probation).Distinct().Order())
        {
            var w = Array.FindIndex(windows, x => row >= x.Left && row <= x.Right);
            if (w >= 0)
            {
                if (detected[w])
                {
                    continue; // only the earliest detection in a window counts
                }

                detected[w] = true;
                var width = windows[w].Right - windows[w].Left + 1.0;
                score += profile.TruePositive * ScaledSigmoid(-(windows[w].Right - row + 1.0) / width);
                tp++;
                continue;
            }

            var previous = Array.FindLastIndex(windows, x => x.Right < row);
            double unweighted;
            if (previous < 0)
            {
                unweighted = -1.0;
            }
            else
            {
                var width = windows[previous].Right - windows[previous].Left + 1.0;
                unweighted = ScaledSigmoid(Math.Abs(windows[previous].Right - row) / Math.Max(1, width - 1));
            }

            score += profile.FalsePositive * unweighted;
            fp++;
        }

        var fn = detected.Count(d => !d);
        score -= profile.FalseNegative * fn;
        var perfect = windows.Length * profile.TruePositive * ScaledSigmoid(-1.0);
        var none = -profile.FalseNegative * windows.Length;
        return new NabFileScore(series.Name, score, none, perfect, tp, fp, fn);
    }

    /// <summary>Per window: its rows and the earliest detection in it (−1: missed) with that detection's weight σ(y).</summary>
    public static IEnumerable<string> WindowReport(NabSeries series, IReadOnlyCollection<int> detectionRows)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(detectionRows);
        var probation = ProbationaryRows(series.Timestamps.Length);
        foreach (var w in series.Windows)
        {
            int left = LowerBound(series.Timestamps, w.From), right = UpperBound(series.Timestamps, w.To) - 1;
            var first = detectionRows.Where(r => r >= probation && r >= left && r <= right).DefaultIfEmpty(-1).Min();
            var weight = first < 0 ? 0 : ScaledSigmoid(-(right - first + 1.0) / (right - left + 1.0));
            yield return FormattableString.Invariant($"  window {left}..{right}: first detection {(first < 0 ? "none" : $"{first} (+{first - left}, weight {weight:F2})")}");
        }
    }

    /// <summary>Normalised corpus score in NAB's 0..100 scale (can be negative).</summary>
    public static double Normalise(IEnumerable<NabFileScore> files)
    {
        var list = files.ToList();
        double raw = list.Sum(f => f.Raw), none = list.Sum(f => f.Null), perfect = list.Sum(f => f.Perfect);
        return 100.0 * (raw - none) / (perfect - none);
    }

    private static int LowerBound(DateTime[] times, DateTime t)
    {
        var i = Array.BinarySearch(times, t);
        return i >= 0 ? i : ~i;
    }

    private static int UpperBound(DateTime[] times, DateTime t)
    {
        var i = Array.BinarySearch(times, t);
        return i >= 0 ? i + 1 : ~i;
    }
}
