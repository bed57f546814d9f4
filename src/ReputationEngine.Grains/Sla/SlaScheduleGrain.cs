using Microsoft.Extensions.Logging;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Sla;

/// <summary>
/// The one timer behind every SLA silence check in the cluster: it fires the wake-up buckets whose time has come.
/// Conversations waiting for an answer need no activation or timer of their own meanwhile, so memory follows the
/// active conversations rather than everyone still waiting (an outage can leave hundreds of thousands waiting for an hour).
/// </summary>
public sealed class SlaScheduleGrain(
    [PersistentState("slaSchedule", StorageNames.Default)] IPersistentState<SlaScheduleState> state,
    TimeProvider time,
    ILogger<SlaScheduleGrain> logger) : Grain, ISlaScheduleGrain
{
    public static readonly TimeSpan TickPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAliveSpan = TimeSpan.FromMinutes(10);

    private readonly HashSet<long> _firing = [];
    private IGrainTimer? _ticker;
    private bool _dirty;

    private SortedSet<long> Buckets => state.State.Buckets;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureTicking();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public Task AddBucketAsync(long bucketTicks)
    {
        if (Buckets.Add(bucketTicks))
        {
            _dirty = true;
            EnsureTicking();
        }

        return Task.CompletedTask;
    }

    public Task StartAsync() => Task.CompletedTask;

    private void EnsureTicking()
    {
        if (_ticker is null && Buckets.Count > 0)
        {
            _ticker = this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(TickPeriod, TickPeriod) { KeepAlive = true });
            // Not collected while anything is left to fire (renewed every tick; a forced collection honours it too).
            DelayDeactivation(KeepAliveSpan);
        }
    }

    private async Task TickAsync()
    {
        DelayDeactivation(KeepAliveSpan);
        var now = time.GetUtcNow().UtcTicks;
        foreach (var bucket in Buckets.TakeWhile(b => b <= now).Where(b => !_firing.Contains(b)).ToArray())
        {
            // Not awaited here: a big bucket takes a while, and sign-ups must not wait behind it.
            _firing.Add(bucket);
            _ = FireAsync(bucket);
        }

        if (_dirty)
        {
            _dirty = false;
            try
            {
                await state.WriteStateAsync();
            }
            catch (Exception ex)
            {
                _dirty = true;
                logger.LogWarning(ex, "Writing the SLA schedule failed; retrying at the next tick");
            }
        }

        if (Buckets.Count == 0 && _firing.Count == 0)
        {
            _ticker?.Dispose();
            _ticker = null;
        }
    }

    private async Task FireAsync(long bucket)
    {
        try
        {
            await GrainFactory.At(bucket).FireAsync();
            Buckets.Remove(bucket);
            _dirty = true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Firing SLA wake-up bucket {Bucket} failed; retrying at the next tick", new DateTimeOffset(bucket, TimeSpan.Zero));
        }
        finally
        {
            _firing.Remove(bucket);
        }
    }
}
