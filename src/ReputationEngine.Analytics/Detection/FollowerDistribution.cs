namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// A topic's distribution of author followers in power-of-two bins (per mention), for
/// "influential for this topic" judgements in constant memory.
/// </summary>
public sealed class FollowerDistribution
{
    public const int Bins = 48;

    /// <summary>Quantiles are only trusted after this many mentions.</summary>
    public const long MinSamples = 200;

    private readonly long[] _bins;
    private long _total;

    public FollowerDistribution(long[]? bins = null)
    {
        _bins = new long[Bins];
        bins?.AsSpan(0, Math.Min(Bins, bins.Length)).CopyTo(_bins);
        foreach (var b in _bins)
        {
            _total += b;
        }
    }

    public long Samples => _total;

    public void Add(long followers)
    {
        _bins[Bin(followers)]++;
        _total++;
    }

    /// <summary>Lower edge of the bin holding quantile <paramref name="q"/>; 0 until enough samples.</summary>
    public double Quantile(double q)
    {
        if (_total < MinSamples)
        {
            return 0;
        }

        var target = (long)Math.Ceiling(q * _total);
        long seen = 0;
        for (var i = 0; i < Bins; i++)
        {
            seen += _bins[i];
            if (seen >= target)
            {
                return i == 0 ? 0 : Math.Pow(2, i - 1);
            }
        }

        return Math.Pow(2, Bins - 2);
    }

    /// <summary>Samples in the bin of <paramref name="followers"/> or above (authors at least about as followed).</summary>
    public long CountAtLeast(long followers)
    {
        long count = 0;
        for (var i = Bin(followers); i < Bins; i++)
        {
            count += _bins[i];
        }

        return count;
    }

    public long[] ToState() => (long[])_bins.Clone();

    private static int Bin(long followers) => followers <= 0 ? 0 : Math.Min(Bins - 1, 64 - (int)ulong.LeadingZeroCount((ulong)followers));
}
