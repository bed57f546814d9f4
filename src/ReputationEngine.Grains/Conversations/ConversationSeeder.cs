using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Forecast;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.Sla;

namespace ReputationEngine.Grains.Conversations;

/// <summary>
/// Writes the conversation that a new post starts straight to grain storage, without activating its grain. Most posts
/// never get a reply or a share, and activating a grain (directory entry, state read, timers, and a deactivation
/// 1.5 minutes later) for each of them was the largest per-mention cost of ingest and most of the engine's memory
/// (docs/benchmarks.md). The state is the one <see cref="ConversationGrain"/> would have written: both fold mentions
/// with <see cref="ConversationFold"/>, and the SLA wait is evaluated and signed up for the same way. The grain is
/// activated only when something needs it: a second message, an API call, or its SLA wake-up.
/// </summary>
/// <remarks>
/// The write is insert-only (no ETag): if the conversation exists already (a reply that arrived before its post, a
/// replay), it fails and the post is applied through the grain instead. The caller must not seed a conversation its
/// partition has sent mentions to since its last checkpoint (the batch's expected watermarks), because that
/// activation's state may not be written yet, nor one whose seed is still pending.
/// </remarks>
public sealed class ConversationSeeder
{
    /// <summary>The state name of <see cref="ConversationGrain"/>'s persistent state.</summary>
    public const string StateName = "conversation";

    private readonly IGrainFactory _grains;
    private readonly IGrainStorage _storage;
    private readonly TimeProvider _time;
    private readonly SlaOptions _slaOptions;
    private readonly ConversationSla _sla;
    private readonly PendingSeeds _pending;
    private readonly ILogger<ConversationSeeder> _logger;
    private readonly bool _listInTopics;

    public ConversationSeeder(
        IGrainFactory grains, IServiceProvider services, TopicRulesCache topics, PendingSeeds pending, TimeProvider time, IOptions<SlaOptions> slaOptions,
        IOptions<CaseGrainOptions> caseOptions, ILogger<ConversationSeeder> logger)
    {
        _grains = grains;
        _storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        _time = time;
        _slaOptions = slaOptions.Value;
        _sla = new ConversationSla(grains, topics, time);
        _pending = pending;
        _logger = logger;
        _listInTopics = caseOptions.Value.ListInTopics;
    }

    /// <summary>A conversation this batch starts with its root post and nothing else can be seeded.</summary>
    public static bool IsSeedable(string conversationId, ScoredMention[] mentions) =>
        mentions.Length == 1 && mentions[0].Mention.Id == conversationId;

    /// <summary>
    /// Folds each root post into its conversation's first state and starts writing it; returns the summaries (null where
    /// the SLA is breached on arrival, which only the grain raises: apply those through their grains). The writes are
    /// registered with <see cref="PendingSeeds"/> and not awaited here: where a conversation turns out to exist already
    /// (a reply that came before its post, a replay), the post is applied through its grain in the background, and its
    /// topics' case lists get the grain's summary once <paramref name="listed"/> (the batch's own list push) is done.
    /// </summary>
    /// <param name="partition">The mention-log partition the posts come from (their grains' watermarks).</param>
    /// <param name="lastSequence">The batch's last log sequence (what the partition's checkpoint waits for).</param>
    /// <param name="seeds">Each conversation's id and its root post.</param>
    /// <param name="influence">
    /// The authors' CRM influence after this batch, where known; awaited only for posts that open an SLA wait, so the
    /// other seeds are folded alongside the batch's customer updates instead of after them.
    /// </param>
    /// <param name="listed">Completes when the batch has pushed its summaries to the case lists.</param>
    public async Task<ConversationSummary?[]> SeedAsync(
        string partition, long lastSequence, IReadOnlyList<(string ConversationId, ScoredMention Root)> seeds,
        Task<IReadOnlyDictionary<string, double>> influence, Task listed)
    {
        var summaries = new ConversationSummary?[seeds.Count];
        var writes = new List<(string ConversationId, Task Done)>(seeds.Count);
        var wakeUps = new List<(string ConversationId, Task<bool> Inserted, long Bucket)>();
        for (var i = 0; i < seeds.Count; i++)
        {
            var (conversationId, root) = seeds[i];
            var state = new ConversationGrainState();
            var forecast = new CascadeForecaster();
            var wallNow = _time.GetUtcNow();
            ConversationFold.Apply(state, forecast, conversationId, root, wallNow, []);
            state.Applied.MarkApplied(partition, root.Sequence, wallNow);
            var wait = await EvaluateWaitAsync(state, influence, wallNow);
            if (wait.BreachedOnArrival)
            {
                continue;
            }

            state.Forecast = ForecastState.From(forecast.ToState());
            summaries[i] = ConversationFold.Summarize(state, forecast, conversationId, wallNow);
            // Not inserted: it exists already, and its grain applies the post (its watermarks drop it if it holds it already).
            var inserted = _storage.TryInsertAsync(StateName, _grains.GetCachedGrain<IConversationGrain>(conversationId).GetGrainId(), state);
            writes.Add((conversationId, ApplyThroughGrainIfExistedAsync(inserted, partition, conversationId, root, listed)));
            if (wait.DueIn is { } due && _slaOptions.WakeUpWhenDue)
            {
                wakeUps.Add((conversationId, inserted, SlaWakeUps.Bucket(wallNow + (due < TimeSpan.Zero ? TimeSpan.Zero : due))));
            }
        }

        if (writes.Count > 0)
        {
            _pending.Add(partition, lastSequence, writes, SignUpWhenWrittenAsync(writes, wakeUps));
        }

        return summaries;
    }

    /// <summary>
    /// After the writes, so a wake-up finds the stored state. A failed sign-up fails the batch's checkpoint: its replay
    /// finds these conversations written and applies the posts through their grains, which sign up themselves.
    /// </summary>
    private async Task SignUpWhenWrittenAsync(List<(string ConversationId, Task Done)> writes, List<(string ConversationId, Task<bool> Inserted, long Bucket)> wakeUps)
    {
        await Task.WhenAll(writes.Select(w => w.Done));
        var byBucket = wakeUps.Where(w => w.Inserted.Result).GroupBy(w => w.Bucket);
        await Task.WhenAll(byBucket.Select(b => _grains.At(b.Key).AddAsync([.. b.Select(w => w.ConversationId)])));
    }

    private async Task ApplyThroughGrainIfExistedAsync(Task<bool> inserted, string partition, string conversationId, ScoredMention root, Task listed)
    {
        if (await inserted)
        {
            return;
        }

        // Written now (Flush), so the checkpoint that waits for this covers the post.
        var summary = await _grains.GetCachedGrain<IConversationGrain>(conversationId).ApplyAsync(new MentionBatch(partition, [root], 0, Flush: true));
        if (summary is not null && _listInTopics)
        {
            // Not part of what the checkpoint waits for (a list entry is a view, refreshed at the conversation's next change).
            _ = ListAfterAsync(summary, listed);
        }
    }

    /// <summary>The grain's summary replaces the seed's in the case lists, after the batch's own push.</summary>
    private async Task ListAfterAsync(ConversationSummary summary, Task listed)
    {
        try
        {
            await listed;
            await Task.WhenAll(summary.Topics.Take(ConversationGrain.MaxListedTopics)
                .Select(topic => _grains.GetCachedGrain<ITopicConversationsGrain>(topic).UpsertAsync([summary])));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Listing conversation {ConversationId} failed; its entry is refreshed at its next change", summary.ConversationId);
        }
    }

    /// <summary>The SLA wait a post opens, evaluated as <see cref="ConversationGrain"/> does on its first message.</summary>
    private async Task<WaitPlan> EvaluateWaitAsync(ConversationGrainState state, Task<IReadOnlyDictionary<string, double>> influence, DateTimeOffset wallNow)
    {
        var wait = state.Wait;
        if (state.Topics.Count == 0 || wait.Since is not { } since || wait.AuthorId is not { } author)
        {
            return default;
        }

        var settings = await _sla.SettingsAsync(state.Topics);
        var negative = state.NegativeCustomerMessages > 0;
        if (!ConversationSla.Applies(settings, negative))
        {
            return default;
        }

        wait.Influence = (await influence).TryGetValue(author, out var known)
            ? Math.Max(known, ConversationSla.InfluenceByFollowers(wait.AuthorFollowers, wallNow))
            : await _sla.InfluenceAsync(author, wait.AuthorFollowers);
        var now = ConversationFold.EventNow(state, wallNow);
        var statuses = ConversationSla.Evaluate(settings, new SlaCase(since, null, negative, false, wait.Influence.Value), now).ToArray();
        if (statuses.Any(s => s.Status.Breached))
        {
            return new WaitPlan(BreachedOnArrival: true, DueIn: null);
        }

        wait.DueAt = statuses.Length == 0 ? null : statuses.Min(s => s.Status.DueAt!.Value);
        return new WaitPlan(false, wait.DueAt - now + ConversationGrain.SlaTimerSlack);
    }

    /// <param name="BreachedOnArrival">Only the grain raises breaches: such a post is applied through it.</param>
    /// <param name="DueIn">When to wake the conversation for its SLA check; null when no SLA applies.</param>
    private readonly record struct WaitPlan(bool BreachedOnArrival, TimeSpan? DueIn);
}
