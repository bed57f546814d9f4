namespace ReputationEngine.Server.Ingest;

/// <summary>Progress of this process's ingest pipeline (GET /api/ingest/status).</summary>
/// <remarks>
/// <c>CheckpointWaits</c>: how often applying waited for a checkpoint because too much applied work was not yet
/// checkpointed (<see cref="IngestOptions.MaxUncheckpointedMentions"/>), a sign of overload.
/// <c>Applied</c> counts mentions applied to every grain (topics, customers, conversations); <c>TopicsApplied</c> those the
/// topics (detection, alerts, topic dashboards) have, which under overload run ahead of the customers and conversations.
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
    long CheckpointWaits,
    long TopicsApplied,
    long TopicsAppliedSequence);
