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

    /// <summary>
    /// The customers' and conversations' share only (the social CRM), with their topic lists. The ingest dispatcher applies
    /// the topics' share (detection, alerts, topic dashboards) as a lane of its own ahead of this one, so alerts keep up with
    /// a burst while the per-customer and per-conversation work catches up behind.
    /// </summary>
    Task<AppliedBatch> ApplyCasesAsync(RoutedBatch batch);

    /// <summary>
    /// The same, in an order that does not depend on timing (for <c>reputation replay</c>): topics, then customers, then
    /// conversations one at a time in ordinal order, each writing its state (and sending its engagement credits) in its
    /// own turn. Conversations read customers' influence and raise SLA breaches on topics, so under <see cref="ApplyAsync"/>
    /// what they see and the order their breaches arrive in vary from run to run.
    /// </summary>
    Task<AppliedBatch> ApplyInOrderAsync(RoutedBatch batch);
}
