namespace ReputationEngine.LoadTests.Measurement;

/// <summary>Mentions offered (sent) and accepted per wall-clock second of the run.</summary>
public sealed class Timeline
{
    private readonly List<long> _accepted = [];
    private readonly List<long> _sent = [];
    private readonly Lock _lock = new();

    public void AddAccepted(double atSec, long count) => Add(_accepted, atSec, count);

    public void AddSent(double atSec, long count) => Add(_sent, atSec, count);

    public (long[] Sent, long[] Accepted) Snapshot()
    {
        using var scope = _lock.EnterScope();
        var length = Math.Max(_sent.Count, _accepted.Count);
        return (Pad(_sent, length), Pad(_accepted, length));
    }

    /// <summary>Accepted in the last complete second before <paramref name="nowSec"/>.</summary>
    public long AcceptedInSecondBefore(double nowSec)
    {
        var second = (int)nowSec - 1;
        using var scope = _lock.EnterScope();
        return second >= 0 && second < _accepted.Count ? _accepted[second] : 0;
    }

    private void Add(List<long> series, double atSec, long count)
    {
        var second = Math.Max(0, (int)atSec);
        using var scope = _lock.EnterScope();
        while (series.Count <= second)
        {
            series.Add(0);
        }

        series[second] += count;
    }

    private static long[] Pad(List<long> series, int length)
    {
        var result = new long[length];
        series.CopyTo(result);
        return result;
    }
}
