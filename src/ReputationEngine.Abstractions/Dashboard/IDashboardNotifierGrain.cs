using Orleans.Concurrency;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Conversations;

namespace ReputationEngine.Abstractions.Dashboard;

/// <summary>
/// A silo-local batching notifier (stateless worker, key <see cref="Key"/>): grains report changes here and it
/// sends them to every silo's dashboard hub in batches on a short timer, topic updates throttled per topic.
/// All calls are one-way so reporting never slows ingest.
/// </summary>
public interface IDashboardNotifierGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>The topic's counts changed; its snapshot is read when the per-topic throttle allows.</summary>
    [OneWay]
    Task TopicChangedAsync(string topicId);

    /// <summary>A conversation changed; only the newest summary per conversation is sent.</summary>
    [OneWay]
    Task ConversationChangedAsync(ConversationSummary? summary);

    /// <summary>Conversations changed by one ingest batch; only the newest summary per conversation is sent.</summary>
    [OneWay]
    Task ConversationsChangedAsync(ConversationSummary[] summaries);

    /// <summary>An alert changed (after it is durable).</summary>
    [OneWay]
    Task AlertChangedAsync(AlertChange change);
}
