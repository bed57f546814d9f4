using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace ReputationEngine.Grains.Persistence;

/// <summary>
/// Coalesces writes of a grain's persistent state: changes mark it dirty and one write covers them all.
/// The ingest checkpoint, deactivation, and a timer after changes made outside ingest call <see cref="FlushAsync"/>; the mention
/// log keeps every mention until the grains that applied it have flushed, so nothing accepted is lost.
/// </summary>
public sealed class CoalescedState<TState>(IPersistentState<TState> state, IGrainContext owner, ILogger logger)
{
    private bool _stale;
    private Task? _writing;

    /// <summary>How often a dirty topic-level grain (few, long-lived) writes even when nobody asks it to.</summary>
    public static readonly TimeSpan SafetyFlushPeriod = TimeSpan.FromSeconds(15);

    public TState Value => state.State;

    public bool IsDirty { get; private set; }

    /// <summary>Whether the state has a stored row (read or written by this activation); false for a grain never written.</summary>
    public bool IsStored => state.RecordExists;

    public void MarkDirty() => IsDirty = true;

    /// <summary>Reads the stored state again, for a grain whose state may have been written without it. Only while clean.</summary>
    public Task ReloadAsync() =>
        IsDirty ? throw new InvalidOperationException("Reloading would drop unwritten changes.") : state.ReadStateAsync();

    public async Task FlushAsync()
    {
        // One write at a time: a second one started while the first waits for its commit would carry a stale ETag. Only a
        // grain whose flush interleaves with its other calls (BrandTopicGrain.CheckpointAsync) ever waits here.
        while (_writing is { IsCompleted: false } writing)
        {
            try
            {
                await writing;
            }
            catch (Exception)
            {
                // Its own caller saw the failure; the state stayed dirty and this flush writes it.
            }
        }

        if (_stale)
        {
            throw new InconsistentStateException($"{owner.GrainId} holds stale state and is deactivating; it will be read again.");
        }

        if (!IsDirty)
        {
            return;
        }

        // Cleared before the await: a change made while the write is in flight marks it dirty again.
        IsDirty = false;
        try
        {
            var write = state.WriteStateAsync();
            _writing = write;
            await write;
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote after this one read: retrying can never succeed. Go, so the next activation reads
            // the stored state; the failed checkpoint replays the mention log into it and the watermarks drop repeats.
            _stale = true;
            logger.LogWarning(ex, "{GrainId} lost a write race to another activation; deactivating to read its state again", owner.GrainId);
            owner.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "Stale grain state (write version conflict)."));
            throw;
        }
        catch (Exception ex)
        {
            IsDirty = true;
            logger.LogWarning(ex, "Writing grain state failed; it stays dirty and will be retried");
            throw;
        }
    }
}
