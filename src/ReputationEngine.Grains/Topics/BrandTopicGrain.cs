using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Windows;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Dashboard;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Topics;

public sealed class BrandTopicGrain : Grain, IBrandTopicGrain, ITopicEventTimeGrain
{
    /// <summary>Storage name of what the detectors learned (<see cref="TopicLearnedDetectorState"/>).</summary>
    public const string LearnedStateName = "topicLearned";

    private readonly TopicRulesCache _topics;
    private readonly TopicGrainOptions _options;
    private readonly CoalescedState<TopicState> _state;
    private readonly CoalescedState<TopicLearnedDetectorState> _learned;
    private readonly TimeProvider _time;
    private readonly IAlertLedger _ledger;
    private readonly TopicWindows _windows = new();
    private AlertBook _alerts = null!;
    private TopicDetection _detection = null!;
    private DateTimeOffset _lastBatchAt;

    public BrandTopicGrain(
        [PersistentState("topic", StorageNames.Default)] IPersistentState<TopicState> state,
        [PersistentState(LearnedStateName, StorageNames.Default)] IPersistentState<TopicLearnedDetectorState> learned,
        TimeProvider time,
        IAlertLedger ledger,
        TopicRulesCache topics,
        IOptions<TopicGrainOptions> options,
        ILogger<BrandTopicGrain> logger)
    {
        _topics = topics;
        _options = options.Value;
        _state = new CoalescedState<TopicState>(state, GrainContext, logger);
        _learned = new CoalescedState<TopicLearnedDetectorState>(learned, GrainContext, logger);
        _time = time;
        _ledger = ledger;
    }

    private TopicState State => _state.Value;

    /// <summary>Alert changes on their way to the ledger, and who waits for none to be (<see cref="CheckpointAsync"/>).</summary>
    private int _ledgerWrites;
    private TaskCompletionSource? _ledgerIdle;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _windows.Restore(State.Seconds, State.Minutes);
        _alerts = new AlertBook(this.GetPrimaryKeyString(), State.Alerts);
        _detection = new TopicDetection(State.Definition, State.Detector, _learned.Value.Detector);
        _lastBatchAt = _time.GetUtcNow();
        if (_options.ResolveAlertsWhenSilent)
        {
            this.RegisterGrainTimer(ResolveWhenSilentAsync, _options.SilenceCheckPeriod, _options.SilenceCheckPeriod);
        }

        this.RegisterGrainTimer(FlushAsync, CoalescedState<TopicState>.SafetyFlushPeriod, CoalescedState<TopicState>.SafetyFlushPeriod);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await FlushAsync();

    public async Task DefineAsync(TopicDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        State.Definition = definition with { Id = this.GetPrimaryKeyString() };
        _detection.Redefine(State.Definition);
        _state.MarkDirty();
        await _state.FlushAsync();
        await GrainFactory.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key).UpsertAsync(State.Definition);
        // This silo sees the new settings at once; other silos within TopicRulesCache's max age.
        _topics.Invalidate();
    }

    public Task<TopicDefinition?> GetDefinitionAsync() => Task.FromResult(State.Definition);

    public async Task ApplyAsync(MentionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        State.Applied.EnsureApplied(batch.Partition, batch.ExpectedApplied);
        if (State.Definition is null)
        {
            // The ingest worker has put the topic in the directory (implicitly, if a mention named a topic nobody
            // defined): take the directory's definition from the silo's cache rather than calling the directory
            // grain, which a first batch naming hundreds of topics would otherwise queue behind.
            var id = this.GetPrimaryKeyString();
            var known = await _topics.GetAsync(GrainFactory, TopicRulesCache.PerGrainMaxAge, [id]);
            if (!known.Definitions.TryGetValue(id, out var definition))
            {
                // Applied without the worker (or the cache is a moment old): make sure the directory lists it.
                await GrainFactory.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key).EnsureAsync([id]);
            }

            State.Definition = definition ?? TopicDefinition.Implicit(id, _time.GetUtcNow());
            _detection.Redefine(State.Definition);
        }

        DateTimeOffset? latest = null;
        foreach (var item in batch.Items)
        {
            if (State.Applied.IsApplied(batch.Partition, item.Sequence))
            {
                continue;
            }

            Count(item);
            _detection.Observe(item);
            latest = latest is { } l && l > item.Mention.CreatedAt ? l : item.Mention.CreatedAt;
        }

        if (batch.Items.Length > 0)
        {
            State.Applied.MarkApplied(batch.Partition, batch.Items[^1].Sequence, _time.GetUtcNow());
            _state.MarkDirty();
        }

        if (latest is { } eventTime)
        {
            // Detection runs in the same batch that made a spike detectable: no polling on this path.
            _lastBatchAt = _time.GetUtcNow();
            await RecordAllAsync(_detection.Evaluate(eventTime, _alerts, _time.GetUtcNow()));
        }

        if (_options.NotifyDashboards)
        {
            await GrainFactory.DashboardNotifier().TopicChangedAsync(this.GetPrimaryKeyString());
        }

        if (batch.Flush)
        {
            await FlushAsync();
        }
    }

    /// <summary>
    /// The ingest checkpoint's flush. It interleaves with the grain's other calls (see the interface), so the topic lane's
    /// next batch is not held up while this write waits for its commit: the state is serialized when the write starts,
    /// never while an alert change is still on its way to the ledger (ledger first, then state).
    /// </summary>
    public async Task CheckpointAsync(string partition, long expected)
    {
        State.Applied.EnsureApplied(partition, expected);
        while (_ledgerWrites > 0)
        {
            await (_ledgerIdle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        await FlushAsync();
    }

    private async Task RecordInLedgerAsync(AlertChange change)
    {
        _ledgerWrites++;
        try
        {
            await _ledger.RecordAsync(change);
        }
        finally
        {
            if (--_ledgerWrites == 0 && _ledgerIdle is { } idle)
            {
                _ledgerIdle = null;
                idle.TrySetResult();
            }
        }
    }

    public Task<TopicSnapshot> GetSnapshotAsync()
    {
        var lastMinute = _windows.LastMinute();
        var lastHour = _windows.LastHour();
        var earlier = lastHour.Mentions - lastMinute.Mentions;
        var earlierNegative = lastHour.Negative - lastMinute.Negative;
        return Task.FromResult(new TopicSnapshot
        {
            TopicId = this.GetPrimaryKeyString(),
            Name = State.Definition?.Name ?? this.GetPrimaryKeyString(),
            TotalMentions = State.TotalMentions,
            PositiveMentions = State.Positive,
            NeutralMentions = State.Neutral,
            NegativeMentions = State.Negative,
            AverageSentiment = State.TotalMentions == 0 ? 0 : State.SentimentSum / State.TotalMentions,
            Reach = State.Reach,
            NegativeShare = State.TotalMentions == 0 ? 0 : (double)State.Negative / State.TotalMentions,
            OpenAlerts = _alerts.ActiveCount,
            LatestEventAt = State.LatestEventAt,
            LastMinute = lastMinute,
            LastHour = lastHour,
            BaselineMentionsPerMinute = earlier / 59.0,
            BaselineNegativeShare = earlier == 0 ? 0 : (double)earlierNegative / earlier,
        });
    }

    public Task<TimeSeriesPoint[]> GetTimeSeriesAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan step) =>
        Task.FromResult(_windows.Series(from, to, step));

    public Task<Alert[]> GetActiveAlertsAsync() => Task.FromResult(_alerts.Active.OrderBy(a => a.Kind).ToArray());

    public async Task<Alert?> ActOnAlertAsync(string alertId, AlertAction action, string? assignee) =>
        (await RecordAsync(_alerts.Act(alertId, action, assignee, _time.GetUtcNow())))?.Alert;

    public async Task<Alert> RaiseAlertAsync(AlertKind kind, int severity, AlertWindow window, double observed, double expected, AlertEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(evidence);
        var change = _alerts.Raise(kind, severity, window, observed, expected, evidence, _time.GetUtcNow());
        await RecordAsync(change);
        return change.Alert;
    }

    public async Task ResolveAlertKindAsync(AlertKind kind) => await RecordAsync(_alerts.ResolveKind(kind, _time.GetUtcNow()));

    public async Task<Alert?> EscalateAlertAsync(string alertId, int level) =>
        (await RecordAsync(_alerts.Escalate(alertId, level, _time.GetUtcNow())))?.Alert;

    public async Task EraseSampleTextsAsync(string[] mentionIds)
    {
        ArgumentNullException.ThrowIfNull(mentionIds);
        if (_alerts.EraseSampleTexts(mentionIds.ToHashSet(StringComparer.Ordinal)))
        {
            _state.MarkDirty();
            await FlushAsync();
        }
    }

    public async Task FlushAsync()
    {
        if (_detection.LearnedChanged)
        {
            // Before the live part: if the process dies between the two writes, the log replays into the older live part
            // and the detector skips the buckets the learned part already holds (TopicLearnedState.ThroughTicks).
            var (learned, version) = _detection.TakeLearnedState();
            _learned.Value.Detector = learned;
            _learned.MarkDirty();
            await _learned.FlushAsync();
            _detection.LearnedStored(version);
        }

        if (_state.IsDirty)
        {
            State.Detector = _detection.ToState();
            State.Seconds = RingState.From(_windows.Seconds.ToState());
            State.Minutes = RingState.From(_windows.Minutes.ToState());
        }

        await _state.FlushAsync();
    }

    /// <summary>
    /// Live: a topic that falls silent after a spike still resolves its alerts. With no batch for a while, event
    /// time is taken to advance with the wall clock since the last batch.
    /// </summary>
    private Task ResolveWhenSilentAsync() =>
        State.LatestEventAt is { } latest ? AdvanceEventTimeAsync(latest + (_time.GetUtcNow() - _lastBatchAt)) : Task.CompletedTask;

    /// <summary>The silence check itself, in event time: the live timer above and the replay driver both come here.</summary>
    public async Task AdvanceEventTimeAsync(DateTimeOffset eventTime)
    {
        if (_alerts.ActiveCount == 0 || State.LatestEventAt is not { } latest || eventTime - latest < _options.SilenceCheckPeriod)
        {
            return;
        }

        await RecordAllAsync(_detection.Evaluate(eventTime, _alerts, _time.GetUtcNow()));
    }

    private async Task RecordAllAsync(List<AlertChange> changes)
    {
        foreach (var change in changes)
        {
            await RecordInLedgerAsync(change);
        }

        if (changes.Count > 0)
        {
            _state.MarkDirty();
        }
    }

    /// <summary>Makes an alert change durable in the ledger first, then in this grain's state.</summary>
    private async Task<AlertChange?> RecordAsync(AlertChange? change)
    {
        if (change is null)
        {
            return null;
        }

        await RecordInLedgerAsync(change);
        _state.MarkDirty();
        if (_options.WriteOnAlertChange)
        {
            await FlushAsync();
        }

        return change;
    }

    private void Count(ScoredMention item)
    {
        var mention = item.Mention;
        var totals = BucketTotals.ForMention((int)item.Label, item.Score, mention.AuthorFollowers);
        State.TotalMentions++;
        State.SentimentSum += item.Score;
        State.Reach += mention.AuthorFollowers;
        switch (item.Label)
        {
            case SentimentLabel.Negative: State.Negative++; break;
            case SentimentLabel.Positive: State.Positive++; break;
            default: State.Neutral++; break;
        }

        if (!_windows.Add(mention.CreatedAt, totals))
        {
            State.TooLateForWindows++;
        }

        if (State.LatestEventAt is null || mention.CreatedAt > State.LatestEventAt)
        {
            State.LatestEventAt = mention.CreatedAt;
        }
    }
}
