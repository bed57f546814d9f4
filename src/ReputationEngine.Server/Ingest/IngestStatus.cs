namespace ReputationEngine.Server.Ingest;

/// <summary>Progress of this process's ingest pipeline (GET /api/ingest/status).</summary>
public sealed record IngestStatus(
    string Partition,
    long Accepted,
    long Applied,
    long Checkpointed,
    long Pending,
    long ReplayedAtStart,
    long LastAppliedSequence,
    long CheckpointSequence);
