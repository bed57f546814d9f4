namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Remembers the highest z-score of each hour over the last week, so a topic whose bursts are
/// routine (say, a scheduled newsletter every few hours) learns that they are: a spike must beat
/// the usual hourly peak (its <see cref="UsualQuantile"/> quantile) as well as the fixed threshold.
/// One isolated spike is one hour in 168 and changes nothing.
/// </summary>
public sealed class PeakMemory
{
    public const int Hours = 7 * 24;

    /// <summary>Hours of history before the usual peak is trusted.</summary>
    public const int MinHours = 24;

    /// <summary>A burst whose size the topic reaches in more than about two hours a week is routine.</summary>
    public const double UsualQuantile = 0.99;

    private readonly double[] _peaks = new double[Hours];
    private readonly double[] _scratch = new double[Hours];
    private int _next;
    private int _count;
    private long _hour = long.MinValue;
    private double _max = double.MinValue;
    private double _usual;

    public PeakMemory()
    {
    }

    public PeakMemory(double[] peaks, long hour, double max)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        foreach (var p in peaks.AsSpan(Math.Max(0, peaks.Length - Hours)))
        {
            Push(p);
        }

        _hour = hour;
        _max = max;
        Refresh();
    }

    /// <summary>The z-score the topic usually reaches within an hour (0 until known).</summary>
    public double UsualPeak => _usual;

    public void Add(long ticks, double z)
    {
        var hour = ticks / TimeSpan.TicksPerHour;
        if (hour != _hour)
        {
            if (_hour != long.MinValue)
            {
                Push(_max);
                Refresh();
            }

            _hour = hour;
            _max = double.MinValue;
        }

        _max = Math.Max(_max, z);
    }

    public (double[] Peaks, long Hour, double Max) ToState()
    {
        var peaks = new double[_count];
        for (var i = 0; i < _count; i++)
        {
            peaks[i] = _peaks[(_next - _count + i + Hours) % Hours];
        }

        return (peaks, _hour, _max);
    }

    private void Push(double peak)
    {
        _peaks[_next] = peak;
        _next = (_next + 1) % Hours;
        _count = Math.Min(_count + 1, Hours);
    }

    private void Refresh()
    {
        if (_count < MinHours)
        {
            _usual = 0;
            return;
        }

        var span = _scratch.AsSpan(0, _count);
        for (var i = 0; i < _count; i++)
        {
            span[i] = _peaks[(_next - _count + i + Hours) % Hours];
        }

        span.Sort();
        _usual = span[(int)(UsualQuantile * (_count - 1))];
    }
}
