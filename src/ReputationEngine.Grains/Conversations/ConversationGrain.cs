using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Forecast;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.Sla;

namespace ReputationEngine.Grains.Conversations;

// Created by the ingest worker of the silo that accepted the mention: placed there, the first (and usually only)
// call and the checkpoint's flush stay in-process.
[PreferLocalPlacement]
// Most conversations are seen once: an idle activation goes after 1.5 to 2.5 minutes (the limit must exceed the 1-minute
// collection quantum); its state is durable by then. Memory follows the last few minutes of traffic rather than
// everyone ever seen (a viral burst brings hundreds of thousands).
[CollectionAgeLimit(Minutes = 1.5)]
public sealed class ConversationGrain : Grain, IConversationGrain
{
    /// <summary>Participants are counted exactly up to this many; beyond it, new ids are estimated as new.</summary>
    public const int MaxTrackedParticipants = 5_000;
    public const int MaxTopics = 100;
    public const int MaxRecentMessages = 50;
    public const int MaxTrajectory = 200;
    public const int MaxNotes = 200;
    public const int MaxDetailParticipants = 100;

    /// <summary>Topic case lists a conversation appears in.</summary>
    public const int MaxListedTopics = 20;

    /// <summary>Changes reach the topic case lists at most this late, coalesced into one call per list.</summary>
    public static readonly TimeSpan ListPushDelay = TimeSpan.FromSeconds(1);

    /// <summary>A reply adds this much to virality, a share (observed or forecast) one.</summary>
    public const double ReplyVirality = 0.5;

    /// <summary>The silence check wakes at least this long after the due time, so "due" itself is still within the SLA.</summary>
    public static readonly TimeSpan SlaTimerSlack = TimeSpan.FromSeconds(1);

    /// <summary>When raising a breach failed, the next try is this far away.</summary>
    public static readonly TimeSpan SlaRetryPeriod = TimeSpan.FromSeconds(30);

    private readonly CoalescedState<ConversationGrainState> _state;
    private readonly TimeProvider _time;
    private CascadeForecaster _forecast = null!; // from the stored state, in OnActivateAsync
    private readonly ILogger<ConversationGrain> _logger;
    private readonly TopicRulesCache _topics;
    private ConversationSla? _sla;
    private readonly SlaOptions _slaOptions;
    private long? _wakeUpBucket;
    private bool _listChanged;
    private long _readAt;
    private const long SeedReadInterval = 1_000;
    private readonly FlushSoon _flushSoon;
    private readonly bool _listInTopics;

    public ConversationGrain(
        [PersistentState(ConversationSeeder.StateName, StorageNames.Default)] IPersistentState<ConversationGrainState> state,
        TimeProvider time,
        TopicRulesCache topics,
        IOptions<SlaOptions> slaOptions,
        ILogger<ConversationGrain> logger,
        IOptions<CaseGrainOptions> caseOptions)
    {
        _topics = topics;
        _slaOptions = slaOptions.Value;
        _state = new CoalescedState<ConversationGrainState>(state, GrainContext, logger);
        _flushSoon = new FlushSoon(this, FlushAsync, ListPushDelay, logger, caseOptions.Value.WriteSoon);
        _listInTopics = caseOptions.Value.ListInTopics;
        _time = time;
        _logger = logger;
    }

    private ConversationGrainState State => _state.Value;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _readAt = Environment.TickCount64;
        _forecast = ForecasterFromState();
        _sla = new ConversationSla(GrainFactory, _topics, _time);
        if (State.Wait.Since is not null)
        {
            // Signs up for the SLA wake-up again after a restart or reactivation (a sign-up is durable within a second; this closes that gap).
            await EvaluateSlaSafelyAsync([]);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAsync(callOthers: !LastSiloStopping.Applies(reason, ServiceProvider));
    }

    public async Task<ConversationSummary?> ApplyAsync(MentionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await ReadSeedAsync();
        State.Applied.EnsureApplied(batch.Partition, batch.ExpectedApplied);
        var closed = new List<ClosedWait>();
        foreach (var item in batch.Items)
        {
            if (!State.Applied.IsApplied(batch.Partition, item.Sequence))
            {
                Apply(item, closed);
            }
        }

        if (batch.Items.Length > 0)
        {
            State.Applied.MarkApplied(batch.Partition, batch.Items[^1].Sequence, _time.GetUtcNow());
            // Not Changed(): the ingest worker lists and pushes the summary returned here, batched per topic.
            _state.MarkDirty();
            await EvaluateSlaSafelyAsync(closed);
        }

        if (batch.Flush)
        {
            await FlushAsync();
        }

        return batch.Items.Length > 0 && Exists ? Summary() : null;
    }

    public async Task<ConversationSummary?> GetSummaryAsync()
    {
        await ReadSeedAsync();
        return Exists ? Summary() : null;
    }

    public async Task<ConversationDetail?> GetDetailAsync()
    {
        await ReadSeedAsync();
        return Exists ? Detail() : null;
    }

    private ConversationDetail Detail() => new(
            Summary(),
            [.. Enumerable.Reverse(State.RecentMessages)],
            [.. State.Trajectory],
            [.. State.Notes],
            [.. State.ParticipantIds.Order(StringComparer.Ordinal).Take(MaxDetailParticipants)]);

    /// <summary>
    /// An activation that found no conversation (asked for it, or a reply came before its post) reads again before
    /// answering: the post's conversation may have been written since without this grain (<see cref="ConversationSeeder"/>).
    /// At most once a second, so replies to threads the engine never saw do not read twice.
    /// </summary>
    private async Task ReadSeedAsync()
    {
        if (Exists || _state.IsDirty || Environment.TickCount64 - _readAt < SeedReadInterval)
        {
            return;
        }

        await _state.ReloadAsync();
        _readAt = Environment.TickCount64;
        _forecast = ForecasterFromState();
    }

    /// <summary>The reach forecaster as the stored state left it (activation, and a re-read of a seeded post).</summary>
    private CascadeForecaster ForecasterFromState() => ConversationFold.Forecaster(State);

    public Task<ConversationSummary?> AssignAsync(string? assignee) => ActAsync(() => State.Assignee = assignee);

    public Task<ConversationSummary?> ResolveAsync() => ActAsync(() =>
    {
        State.State = ConversationState.Resolved;
        State.ResolvedAt = _time.GetUtcNow();
        // Staff closed the case: the customer no longer waits on this SLA.
        State.Wait.End();
    });

    public Task<ConversationSummary?> AddNoteAsync(string text, string? author) =>
        ActAsync(() => ConversationFold.AddBounded(State.Notes, new CaseNote(_time.GetUtcNow(), text, author), MaxNotes));

    public async Task EraseAuthorAsync(string authorId)
    {
        var changed = false;
        for (var i = 0; i < State.RecentMessages.Count; i++)
        {
            if (State.RecentMessages[i].AuthorId == authorId && State.RecentMessages[i].Text.Length > 0)
            {
                State.RecentMessages[i] = State.RecentMessages[i] with { Text = "" };
                changed = true;
            }
        }

        if (changed)
        {
            _state.MarkDirty();
            await _state.FlushAsync();
        }
    }

    public async Task CheckSlaAsync()
    {
        await EvaluateSlaAsync([]);
        if (_state.IsDirty)
        {
            _flushSoon.Schedule();
        }
    }

    public Task FlushAsync() => FlushAsync(callOthers: true);

    /// <param name="callOthers">False when no silo can serve calls (<see cref="LastSiloStopping"/>): only the state is written.</param>
    private async Task FlushAsync(bool callOthers)
    {
        if (_state.IsDirty)
        {
            State.Forecast = ForecastState.From(_forecast.ToState());
        }

        // With no silo to serve calls, the credit stays pending in the state written below and the list entry is
        // refreshed at the next change.
        if (callOthers)
        {
            await CreditAndListAsync();
        }

        await _state.FlushAsync();
    }

    private async Task CreditAndListAsync()
    {
        try
        {
            if (!State.PendingCredit.IsEmpty && State.RootAuthorId is { } root)
            {
                var credit = State.PendingCredit;
                await GrainFactory.GetCachedGrain<ICustomerGrain>(root)
                    .CreditEngagementAsync(new EngagementCredit(credit.Shares, credit.Replies, credit.SharerFollowers, credit.LatestAt));
                credit.Clear();
                _state.MarkDirty();
            }

            await PushToListsAsync();
        }
        catch (Exception ex)
        {
            // Credits and list entries stay pending for the next flush; the state write must not wait for them.
            _listChanged = true;
            _logger.LogWarning(ex, "Crediting or listing conversation {ConversationId} failed; retrying at the next flush", Id);
        }
    }

    private bool Exists => ConversationFold.Exists(State);

    private void Changed()
    {
        _state.MarkDirty();
        _listChanged = true;
        _flushSoon.Schedule();
    }

    private async Task PushToListsAsync()
    {
        if (_listChanged && _listInTopics && State.Topics.Count > 0)
        {
            // Cleared first: a change while the calls are in flight lists the case again next time.
            _listChanged = false;
            var summary = Summary();
            await Task.WhenAll(State.Topics.Order(StringComparer.Ordinal).Take(MaxListedTopics)
                .Select(topic => GrainFactory.GetCachedGrain<ITopicConversationsGrain>(topic).UpsertAsync([summary])));
        }
    }

    /// <summary>A staff action: made durable and listed before the caller hears back.</summary>
    private async Task<ConversationSummary?> ActAsync(Action action)
    {
        await ReadSeedAsync();
        if (!Exists)
        {
            return null;
        }

        action();
        Changed();
        await FlushAsync();
        return Summary();
    }

    private DateTimeOffset EventNow() => ConversationFold.EventNow(State, _time.GetUtcNow());

    private ConversationSummary Summary() => ConversationFold.Summarize(State, _forecast, Id, _time.GetUtcNow());

    /// <summary>An SLA check that fails (a topic or customer grain unreachable) must not fail ingest or activation.</summary>
    private async Task EvaluateSlaSafelyAsync(List<ClosedWait> closed)
    {
        try
        {
            await EvaluateSlaAsync(closed);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "SLA check of conversation {ConversationId} failed; retrying later", Id);
            try
            {
                await WakeUpInAsync(SlaRetryPeriod);
            }
            catch (Exception retryFailed)
            {
                // Reactivation checks again (OnActivateAsync); nothing else can be done from here.
                _logger.LogWarning(retryFailed, "Signing conversation {ConversationId} up for an SLA retry failed", Id);
            }
        }
    }

    private async Task EvaluateSlaAsync(List<ClosedWait> closed)
    {
        if (_sla is null || State.Topics.Count == 0 || (closed.Count == 0 && State.Wait.Since is null))
        {
            return;
        }

        var settings = await _sla.SettingsAsync(State.Topics);
        var negative = State.NegativeCustomerMessages > 0;
        if (!ConversationSla.Applies(settings, negative))
        {
            // No SLA of any topic applies: no influence lookup, no wake-up.
            State.Wait.DueAt = null;
            return;
        }

        foreach (var late in closed.Where(c => !c.AlreadyBreached))
        {
            var influence = late.Influence ?? await _sla.InfluenceAsync(late.AuthorId, late.AuthorFollowers);
            var breaches = ConversationSla.Evaluate(settings, new SlaCase(late.Since, late.AnsweredAt, negative, false, influence), late.AnsweredAt)
                .Where(p => p.Status.Breached).ToArray();
            if (breaches.Length > 0)
            {
                State.Wait.LastBreachedAt = breaches.Min(b => b.Status.DueAt!.Value);
                await RaiseAsync(breaches, late.Since, late.AuthorId, late.AnsweredAt);
            }
        }

        var wait = State.Wait;
        if (wait.Since is not { } waitingSince || wait.AuthorId is not { } author || State.State == ConversationState.Resolved)
        {
            return;
        }

        wait.Influence ??= await _sla.InfluenceAsync(author, wait.AuthorFollowers);
        var now = EventNow();
        var statuses = ConversationSla.Evaluate(settings, new SlaCase(waitingSince, null, negative, false, wait.Influence.Value), now).ToArray();
        wait.DueAt = statuses.Length == 0 ? null : statuses.Min(s => s.Status.DueAt!.Value);
        _state.MarkDirty();
        if (wait.BreachedAt is null)
        {
            var breaches = statuses.Where(s => s.Status.Breached).ToArray();
            if (breaches.Length > 0)
            {
                wait.BreachedAt = breaches.Min(b => b.Status.DueAt!.Value);
                Changed();
                if (!await RaiseAsync(breaches, waitingSince, author, now))
                {
                    wait.BreachedAt = null;
                    await WakeUpInAsync(SlaRetryPeriod);
                    return;
                }
            }
        }

        if (wait.BreachedAt is null && wait.DueAt is { } due)
        {
            await WakeUpInAsync(due - now + SlaTimerSlack);
        }
    }

    private async Task<bool> RaiseAsync((string Topic, SlaStatus Status)[] breaches, DateTimeOffset since, string customerId, DateTimeOffset at)
    {
        try
        {
            await Task.WhenAll(breaches.Select(b => SlaAlerts.RaiseAsync(GrainFactory, new SlaBreach(
                b.Topic, Id, customerId, since, b.Status.DueAt!.Value, (at - since).TotalMinutes, b.Status.Limit.TotalMinutes, b.Status.Severity))));
            return true;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Raising the SLA breach of conversation {ConversationId} failed; retrying later", Id);
            return false;
        }
    }

    /// <summary>
    /// Signs up for an SLA check <paramref name="dueIn"/> from now with the wake-up bucket of that time, instead of
    /// holding this activation and a timer until then (see <see cref="SlaScheduleGrain"/>).
    /// </summary>
    private async Task WakeUpInAsync(TimeSpan dueIn)
    {
        if (!_slaOptions.WakeUpWhenDue)
        {
            return;
        }

        dueIn = dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn;
        var bucket = SlaWakeUps.Bucket(_time.GetUtcNow() + dueIn);
        if (bucket != _wakeUpBucket)
        {
            await GrainFactory.At(bucket).AddAsync([Id]);
            _wakeUpBucket = bucket;
        }
    }

    private void Apply(ScoredMention item, List<ClosedWait> closed) => ConversationFold.Apply(State, _forecast, Id, item, _time.GetUtcNow(), closed);
}
