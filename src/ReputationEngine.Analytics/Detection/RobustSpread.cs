namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Robust σ of a sample: the larger of 1.4826·MAD and the upper-tail estimate. Heavy upper tails (bursty but normal
/// topics) widen it: for normal noise the 98th percentile sits 2.054 σ above the median, so both agree there.
/// </summary>
public static class RobustSpread
{
    /// <summary>1.4826 × MAD estimates σ for normal noise.</summary>
    public const double MadToSigma = 1.4826;

    /// <summary>Upper quantile used for the tail-aware scale, and its normal z.</summary>
    public const double TailQuantile = 0.98;

    public const double TailQuantileZ = 2.054;

    /// <summary>Of sorted values; reorders the span (it sorts the absolute deviations in place).</summary>
    public static double OfSorted(Span<double> sorted)
    {
        var median = Median(sorted);
        var tailSigma = (sorted[TailIndex(sorted.Length)] - median) / TailQuantileZ;
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = Math.Abs(sorted[i] - median);
        }

        sorted.Sort();
        return Math.Max(MadToSigma * Median(sorted), tailSigma);
    }

    /// <summary>
    /// The same value as <see cref="OfSorted(Span{double})"/> for finite values, without sorting or writing: the
    /// absolute deviations of sorted values are two sorted runs (leftwards and rightwards of the median), so their
    /// median is found by merging the runs up to the middle.
    /// </summary>
    public static double OfSorted(ReadOnlySpan<float> sorted)
    {
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : ((double)sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var tailSigma = (sorted[TailIndex(n)] - median) / TailQuantileZ;

        // right walks up from the first value at or above the median, left down from the last one below it.
        int right = 0, end = n;
        while (right < end)
        {
            var middle = (right + end) / 2;
            if (sorted[middle] < median)
            {
                right = middle + 1;
            }
            else
            {
                end = middle;
            }
        }

        var left = right - 1;
        double previous = 0, current = 0;
        for (var k = 0; k <= n / 2; k++)
        {
            previous = current;
            var fromLeft = left >= 0 ? Math.Abs(sorted[left] - median) : double.PositiveInfinity;
            var fromRight = right < n ? Math.Abs(sorted[right] - median) : double.PositiveInfinity;
            if (fromLeft <= fromRight)
            {
                current = fromLeft;
                left--;
            }
            else
            {
                current = fromRight;
                right++;
            }
        }

        var mad = n % 2 == 1 ? current : (previous + current) / 2;
        return Math.Max(MadToSigma * mad, tailSigma);
    }

    public static double Median(ReadOnlySpan<double> sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static int TailIndex(int count) => (int)(TailQuantile * (count - 1));
}
