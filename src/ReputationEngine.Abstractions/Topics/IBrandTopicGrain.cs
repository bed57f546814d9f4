using Orleans.Concurrency;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Topics;

/// <summary>One watched brand topic (key: topic id): running counts, event-time windows, detectors.</summary>
public interface IBrandTopicGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the topic's definition and registers it in the directory.</summary>
    Task DefineAsync(TopicDefinition definition);

    /// <summary>The definition, or null when the topic was never defined nor mentioned.</summary>
    Task<TopicDefinition?> GetDefinitionAsync();

    /// <summary>Applies a batch of mentions; mentions already applied (by log sequence) are skipped.</summary>
    Task ApplyAsync(MentionBatch batch);

    Task<TopicSnapshot> GetSnapshotAsync();

    /// <summary>Buckets of <paramref name="step"/> between <paramref name="from"/> and <paramref name="to"/> (event time).</summary>
    Task<TimeSeriesPoint[]> GetTimeSeriesAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan step);

    /// <summary>The topic's active (open or acknowledged) alerts, one per kind at most.</summary>
    Task<Alert[]> GetActiveAlertsAsync();

    /// <summary>A person acts on an active alert; null when no active alert of this topic has the id.</summary>
    Task<Alert?> ActOnAlertAsync(string alertId, AlertAction action, string? assignee);

    /// <summary>
    /// Raises (opens, or updates the active one of) an alert whose signal is decided outside the topic's own
    /// detectors, e.g. a conversation's SLA breach. The same one-active-per-kind rule applies.
    /// </summary>
    Task<Alert> RaiseAlertAsync(AlertKind kind, int severity, AlertWindow window, double observed, double expected, AlertEvidence evidence);

    /// <summary>Resolves the active alert of <paramref name="kind"/>, if any, because its signal is normal again.</summary>
    Task ResolveAlertKindAsync(AlertKind kind);

    /// <summary>Marks an active, unacknowledged alert escalated to <paramref name="level"/> (escalation policy).</summary>
    Task<Alert?> EscalateAlertAsync(string alertId, int level);

    /// <summary>Privacy erasure: blanks the sample texts of these mentions in the topic's active alerts.</summary>
    Task EraseSampleTextsAsync(string[] mentionIds);

    /// <summary>Writes state if it changed since the last write (checkpointing coalesces writes).</summary>
    Task FlushAsync();

    /// <summary>
    /// The ingest checkpoint: fails when the topic no longer holds the mentions of <paramref name="partition"/> up to
    /// <paramref name="expected"/> (work lost with a dead silo), otherwise writes the state. Interleaves with other calls,
    /// so the topic keeps applying batches while the write waits for its commit.
    /// </summary>
    [AlwaysInterleave]
    Task CheckpointAsync(string partition, long expected);
}
