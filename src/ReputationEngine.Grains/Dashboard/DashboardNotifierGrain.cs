using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Dashboard;
using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Grains.Dashboard;

/// <summary>
/// Collects dashboard changes of this silo and sends them as one batch per tick to every silo's hub.
/// One activation per silo, so the per-topic throttle is exact for the topics living here; reentrant, so
/// the one-way reports from busy grains are only queued while a flush awaits.
/// </summary>
[StatelessWorker(1), Reentrant]
public sealed class DashboardNotifierGrain(TimeProvider time, IClusterMembershipService membership, ILogger<DashboardNotifierGrain> logger)
    : Grain, IDashboardNotifierGrain
{
    /// <summary>How often queued changes go out; also the worst added latency of a conversation update.</summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>At most one topicUpdated per topic per this interval (4 per second).</summary>
    public static readonly TimeSpan TopicMinInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long a complete list of hubs (at least one per active silo) is trusted before it is read again from the
    /// hub-list grain. A list with fewer hubs than active silos is read again on every flush.
    /// </summary>
    public static readonly TimeSpan HubListRefreshPeriod = TimeSpan.FromSeconds(2);

    /// <summary>A flush waits at most this long for one silo's hub, so a slow or unreachable silo cannot hold up alerts for the others.</summary>
    public static readonly TimeSpan HubCallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Distinct conversations waiting to be sent; reports of further conversations are dropped until the next flush.</summary>
    public const int MaxPendingConversations = 10_000;

    /// <summary>Conversations per batch (the busiest first); the rest wait for the next tick.</summary>
    public const int MaxConversationsPerBatch = 200;

    /// <summary>Alert changes waiting to be sent; beyond this the oldest are dropped (dashboards re-read alerts on reconnect).</summary>
    public const int MaxPendingAlerts = 10_000;

    private readonly HashSet<string> _changedTopics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _topicSentAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConversationSummary> _conversations = new(StringComparer.Ordinal);
    private readonly Queue<AlertChange> _alerts = new();
    private IDashboardObserver[] _hubs = [];
    private DateTimeOffset _hubsReadAt = DateTimeOffset.MinValue;
    private bool _flushing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushPeriod, FlushPeriod) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task TopicChangedAsync(string topicId)
    {
        _changedTopics.Add(topicId);
        return Task.CompletedTask;
    }

    public Task ConversationChangedAsync(ConversationSummary? summary)
    {
        // Dashboards subscribe by topic: a conversation in no topic has nobody to tell.
        if (summary is { Topics.Length: > 0 } && (_conversations.Count < MaxPendingConversations || _conversations.ContainsKey(summary.ConversationId)))
        {
            _conversations[summary.ConversationId] = summary;
        }

        return Task.CompletedTask;
    }

    public Task ConversationsChangedAsync(ConversationSummary[] summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        foreach (var summary in summaries)
        {
            ConversationChangedAsync(summary);
        }

        return Task.CompletedTask;
    }

    public Task AlertChangedAsync(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (_alerts.Count >= MaxPendingAlerts)
        {
            _alerts.Dequeue();
        }

        _alerts.Enqueue(change);
        _changedTopics.Add(change.Alert.TopicId);

        // Alerts are rare and their latency is what people wait for: send now rather than on the next tick.
        return FlushAsync();
    }

    private async Task FlushAsync()
    {
        if (_flushing || (_changedTopics.Count == 0 && _conversations.Count == 0 && _alerts.Count == 0))
        {
            return;
        }

        _flushing = true;
        try
        {
            var alerts = _alerts.ToArray();
            _alerts.Clear();
            var conversations = TakeConversations();
            var snapshots = await ReadDueSnapshotsAsync();
            if (snapshots.Length == 0 && alerts.Length == 0 && conversations.Length == 0)
            {
                return;
            }

            var updates = new DashboardUpdates(snapshots, alerts, conversations);
            await Task.WhenAll((await GetHubsAsync()).Select(hub => SendAsync(hub, updates)));
        }
        finally
        {
            _flushing = false;
        }
    }

    private async Task SendAsync(IDashboardObserver hub, DashboardUpdates updates)
    {
        try
        {
            await hub.OnUpdatesAsync(updates).WaitAsync(HubCallTimeout, time);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A dashboard hub could not be reached; it is dropped when its silo leaves the cluster");
        }
    }

    private ConversationSummary[] TakeConversations()
    {
        if (_conversations.Count == 0)
        {
            return [];
        }

        var taken = _conversations.Values
            .OrderByDescending(c => c.Shares + c.Messages)
            .Take(MaxConversationsPerBatch)
            .ToArray();
        foreach (var summary in taken)
        {
            _conversations.Remove(summary.ConversationId);
        }

        return taken;
    }

    private async Task<TopicSnapshot[]> ReadDueSnapshotsAsync()
    {
        var now = time.GetUtcNow();
        foreach (var (topic, sentAt) in _topicSentAt.ToArray())
        {
            if (now - sentAt >= TopicMinInterval)
            {
                _topicSentAt.Remove(topic);
            }
        }

        var due = _changedTopics.Where(t => !_topicSentAt.ContainsKey(t)).ToArray();
        foreach (var topic in due)
        {
            _changedTopics.Remove(topic);
            _topicSentAt[topic] = now;
        }

        if (due.Length == 0)
        {
            return [];
        }

        try
        {
            return await Task.WhenAll(due.Select(t => GrainFactory.GetGrain<IBrandTopicGrain>(t).GetSnapshotAsync()));
        }
        catch (Exception ex)
        {
            // Alerts and conversations of this batch still go out; the topics are sent on their next change.
            logger.LogWarning(ex, "Reading {Count} topic snapshots for dashboards failed", due.Length);
            return [];
        }
    }

    private async Task<IDashboardObserver[]> GetHubsAsync()
    {
        var now = time.GetUtcNow();
        // Fewer hubs than active silos: a silo joined and its hub registers about now. Asking again on every flush
        // lets its dashboards get pushes as soon as it is registered, rather than up to a refresh period later.
        var incomplete = _hubs.Length == 0 || _hubs.Length < membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        if (incomplete || now - _hubsReadAt >= HubListRefreshPeriod)
        {
            _hubs = await GrainFactory.GetGrain<IDashboardHubListGrain>(IDashboardHubListGrain.Key).GetHubsAsync();
            _hubsReadAt = now;
        }

        return _hubs;
    }
}
