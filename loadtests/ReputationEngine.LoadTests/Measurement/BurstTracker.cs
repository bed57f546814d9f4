namespace ReputationEngine.LoadTests.Measurement;

/// <summary>
/// When each burst became detectable: the moment the engine had accepted its first
/// <see cref="DetectableMentions"/> mentions (a spike of fewer cannot be told from noise).
/// </summary>
public sealed class BurstTracker(int bursts)
{
    public const int DetectableMentions = 50;

    private readonly long[] _accepted = new long[bursts];
    private readonly double?[] _firstSentSec = new double?[bursts];
    private readonly double?[] _detectableSec = new double?[bursts];
    private readonly Lock _lock = new();

    public void Sent(int[] burstItems, double atSec)
    {
        using var scope = _lock.EnterScope();
        for (var b = 0; b < burstItems.Length; b++)
        {
            if (burstItems[b] > 0)
            {
                _firstSentSec[b] ??= atSec;
            }
        }
    }

    public void Accepted(int[] burstItems, double atSec)
    {
        using var scope = _lock.EnterScope();
        for (var b = 0; b < burstItems.Length; b++)
        {
            _accepted[b] += burstItems[b];
            if (_detectableSec[b] is null && _accepted[b] >= DetectableMentions)
            {
                _detectableSec[b] = atSec;
            }
        }
    }

    public (double? FirstSentSec, double? DetectableSec, long Accepted) Get(int burst)
    {
        using var scope = _lock.EnterScope();
        return (_firstSentSec[burst], _detectableSec[burst], _accepted[burst]);
    }
}
