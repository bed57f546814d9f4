using Microsoft.Extensions.Logging;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Sla;

/// <summary>
/// One bucket of SLA wake-ups. Sign-ups are written within <see cref="WriteDelay"/> (coalesced: a busy bucket gets
/// thousands per second) and registered with the <see cref="ISlaScheduleGrain"/>, which calls <see cref="FireAsync"/>
/// once the bucket's time has come.
/// </summary>
public sealed class SlaWakeUpGrain(
    [PersistentState("slaWakeUp", StorageNames.Default)] IPersistentState<SlaWakeUpState> state,
    TimeProvider time,
    ILogger<SlaWakeUpGrain> logger) : Grain, ISlaWakeUpGrain
{
    public static readonly TimeSpan WriteDelay = TimeSpan.FromSeconds(1);

    /// <summary>Conversations checked at once when the bucket fires.</summary>
    public const int FireConcurrency = 256;

    /// <summary>A conversation whose check failed is tried again this much later.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    private IGrainTimer? _writeTimer;
    private bool _dirty;
    private bool _scheduled;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await WriteAsync();
        }
    }

    public async Task AddAsync(string[] conversationIds)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        if (!_scheduled)
        {
            // Once per activation (a set add there): the schedule learns of the bucket before anyone waits on it.
            await GrainFactory.SlaSchedule().AddBucketAsync(this.GetPrimaryKeyLong());
            _scheduled = true;
        }

        foreach (var id in conversationIds)
        {
            _dirty |= state.State.ConversationIds.Add(id);
        }

        if (_dirty)
        {
            _writeTimer ??= this.RegisterGrainTimer(WriteAsync, WriteDelay, Timeout.InfiniteTimeSpan);
        }
    }

    public async Task FireAsync()
    {
        var failed = new List<string>();
        foreach (var chunk in state.State.ConversationIds.ToArray().Chunk(FireConcurrency))
        {
            var checks = chunk.Select(id => GrainFactory.GetCachedGrain<IConversationGrain>(id).CheckSlaAsync()).ToArray();
            try
            {
                await Task.WhenAll(checks);
            }
            catch (Exception)
            {
                // Logged below, per bucket: one failing silo can fail many checks at once.
            }

            failed.AddRange(chunk.Where((_, i) => !checks[i].IsCompletedSuccessfully));
        }

        if (failed.Count > 0)
        {
            logger.LogWarning("{Count} SLA checks of wake-up bucket {Bucket} failed; retrying in {Delay}", failed.Count, BucketTime, RetryDelay);
            await GrainFactory.At(SlaWakeUps.Bucket(time.GetUtcNow() + RetryDelay)).AddAsync([.. failed]);
        }

        _writeTimer?.Dispose();
        _writeTimer = null;
        _dirty = false;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    private DateTimeOffset BucketTime => new(this.GetPrimaryKeyLong(), TimeSpan.Zero);

    private async Task WriteAsync()
    {
        _writeTimer?.Dispose();
        _writeTimer = null;
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _dirty = true;
            _writeTimer ??= this.RegisterGrainTimer(WriteAsync, WriteDelay, Timeout.InfiniteTimeSpan);
            throw;
        }
    }
}
