namespace ReputationEngine.Server.Ingest;

/// <summary>Progress of this process's ingest pipeline (GET /api/ingest/status).</summary>
/// <remarks>
/// <c>CheckpointWaits</c>: how often applying waited for a checkpoint because too much applied work was not yet
/// checkpointed (<see cref="IngestOptions.MaxUncheckpointedMentions"/>), a sign of overload.
/// </remarks>
public sealed record IngestStatus(
    string Partition,
    long Accepted,
    long Applied,
    long Checkpointed,
    long Pending,
    long ReplayedAtStart,
    long LastAppliedSequence,
    long CheckpointSequence,
    long CheckpointWaits);
