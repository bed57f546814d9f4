using HdrHistogram;

namespace ReputationEngine.LoadTests.Measurement;

/// <summary>Request latencies in an HDR histogram (microsecond resolution, 3 significant digits).</summary>
public sealed class LatencyRecorder
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;
    private const int SignificantDigits = 3;
    private const double MicrosPerMilli = 1000;

    private readonly LongHistogram _histogram = new(HighestMicroseconds, SignificantDigits);
    private readonly Lock _lock = new();

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp((long)(latency.Ticks / TimeSpan.TicksPerMicrosecond), 1, HighestMicroseconds);
        using var scope = _lock.EnterScope();
        _histogram.RecordValue(micros);
    }

    public long Count
    {
        get
        {
            using var scope = _lock.EnterScope();
            return _histogram.TotalCount;
        }
    }

    /// <summary>The latency at <paramref name="percentile"/> (0..100) in milliseconds, null when nothing was recorded.</summary>
    public double? PercentileMs(double percentile)
    {
        using var scope = _lock.EnterScope();
        return _histogram.TotalCount == 0 ? null : _histogram.GetValueAtPercentile(percentile) / MicrosPerMilli;
    }

    public double? MaxMs()
    {
        using var scope = _lock.EnterScope();
        return _histogram.TotalCount == 0 ? null : _histogram.GetMaxValue() / MicrosPerMilli;
    }
}
