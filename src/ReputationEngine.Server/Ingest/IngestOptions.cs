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

    /// <summary>
    /// While more than a log-writer round of mentions waits to be logged, the case lane (customers, conversations) steps
    /// aside so the CPU goes to accepting mentions and to the topics, up to this many mentions behind the log; beyond it,
    /// it takes its share again and ingest slows instead. A crash during a burst replays the case lane's backlog.
    /// </summary>
    public long MaxCaseLaneBacklog { get; set; } = 1_000_000;
}
