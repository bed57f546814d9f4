using ReputationEngine.Abstractions.Ingest;

namespace ReputationEngine.Grains.Ingest;

/// <summary>
/// Runs ingest batches of one log partition through the worker grains: preparation (scoring, matching) of
/// the next batches overlaps with applying the current one, while applying stays strictly in log order.
/// Used by the server's dispatcher and by `reputation replay`.
/// </summary>
public sealed class MentionPipeline(IGrainFactory grains)
{
    /// <summary>Batches prepared ahead of the one being applied (each uses a worker activation).</summary>
    public const int PrepareAhead = 2;

    /// <summary>Prepares a batch on a worker. Start these in log order; apply them in the same order.</summary>
    public Task<RoutedBatch> PrepareAsync(IngestBatch batch) => Worker().PrepareAsync(batch);

    public Task<AppliedBatch> ApplyAsync(RoutedBatch batch) => Worker().ApplyAsync(batch);

    /// <summary>
    /// The topics' share of a batch, sent to the topics from here rather than through a worker: the workers' turns are
    /// long (preparing a batch of 25 000 mentions takes a second), and the topic lane must not queue behind them.
    /// </summary>
    public Task<AppliedBatch> ApplyTopicsAsync(RoutedBatch batch) => TopicBatches.ApplyAsync(grains, batch);

    /// <summary>The customers' and conversations' share of a batch (<see cref="IIngestWorkerGrain.ApplyCasesAsync"/>).</summary>
    public Task<AppliedBatch> ApplyCasesAsync(RoutedBatch batch) => Worker().ApplyCasesAsync(batch);

    /// <summary>Applies in an order independent of timing (<see cref="IIngestWorkerGrain.ApplyInOrderAsync"/>): for replays.</summary>
    public Task<AppliedBatch> ApplyInOrderAsync(RoutedBatch batch) => Worker().ApplyInOrderAsync(batch);

    // Stateless workers run on the caller's silo; Orleans adds activations (up to one per core) under load.
    private IIngestWorkerGrain Worker() => grains.GetCachedGrain<IIngestWorkerGrain>(0);
}
