namespace ReputationEngine.Abstractions.Ingest;

/// <summary>
/// Scores and routes mentions (a stateless worker: one activation per core and silo, local to the caller).
/// Callers may prepare several batches at once but must apply them one after another, in log order,
/// because grains deduplicate by log sequence.
/// </summary>
public interface IIngestWorkerGrain : IGrainWithIntegerKey
{
    /// <summary>Scores sentiment (batched) and matches topics; splits the batch per target grain.</summary>
    Task<RoutedBatch> PrepareAsync(IngestBatch batch);

    /// <summary>Sends each target grain its share of the batch, in parallel, and waits for all of them.</summary>
    Task<AppliedBatch> ApplyAsync(RoutedBatch batch);
}
