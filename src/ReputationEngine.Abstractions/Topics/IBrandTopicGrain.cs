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

    /// <summary>Opens (or updates) the topic's active alert of the signal's kind and records the change.</summary>
    Task<Alert> RaiseExternalAlertAsync(ExternalAlert signal);

    /// <summary>The topic's open or acknowledged alerts.</summary>
    Task<Alert[]> GetActiveAlertsAsync();

    /// <summary>Writes state if it changed since the last write (checkpointing coalesces writes).</summary>
    Task FlushAsync();
}
