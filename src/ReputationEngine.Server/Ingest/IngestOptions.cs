namespace ReputationEngine.Server.Ingest;

/// <summary>Settings of the ingest pipeline (<c>Ingest__*</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// Applying waits for a checkpoint once this many applied mentions are not yet checkpointed (ten batches by default).
    /// Lower: a crash replays less and unwritten state stays smaller under overload; higher: applying pauses less often.
    /// </summary>
    public long MaxUncheckpointedMentions { get; set; } = 10 * PartitionApplier.MaxBatchSize;
}
