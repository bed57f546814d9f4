namespace ReputationEngine.Cli.Replay;

/// <summary>
/// The clock of a replay: it reads the event time being replayed, so alert timestamps (detectedAt) are the
/// same run to run and as if the engine had been live at the time.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UnixEpoch.UtcTicks;

    public void AdvanceTo(DateTimeOffset eventTime)
    {
        if (eventTime.UtcTicks > Interlocked.Read(ref _ticks))
        {
            Interlocked.Exchange(ref _ticks, eventTime.UtcTicks);
        }
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
}
