using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Scoring;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

// Created by the ingest worker of the silo that accepted the mention: placed there, the first (and usually only)
// call and the checkpoint's flush stay in-process.
[PreferLocalPlacement]
// Most customers are seen once: an idle activation goes after 1.5 to 2.5 minutes (the limit must exceed the 1-minute
// collection quantum); its state is durable by then. Memory follows the last few minutes of traffic rather than
// everyone ever seen (a viral burst brings hundreds of thousands).
[CollectionAgeLimit(Minutes = 1.5)]
public sealed class CustomerGrain : Grain, ICustomerGrain
{
    public const int MaxRecentMentions = 50;
    public const int MaxTopics = 100;
    public const int MaxHistory = 500;
    public const int MaxConversations = 1_000;

    /// <summary>Topic lists a customer appears in (the rest of their topics still show in the profile).</summary>
    public const int MaxListedTopics = 20;

    /// <summary>Changes reach the topic lists at most this late, coalesced into one call per list.</summary>
    public static readonly TimeSpan ListPushDelay = TimeSpan.FromSeconds(1);

    private readonly CoalescedState<CustomerState> _state;
    private readonly TimeProvider _time;
    private readonly ILogger<CustomerGrain> _logger;
    private bool _listChanged;
    private readonly FlushSoon _flushSoon;
    private readonly bool _listInTopics;

    // The ids of State.Conversations (unique by construction), kept once the list is long enough for scanning it to cost.
    private HashSet<string>? _conversationIndex;
    private const int IndexConversationsFrom = 32;

    public CustomerGrain(
        [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
        TimeProvider time,
        ILogger<CustomerGrain> logger,
        IOptions<CaseGrainOptions> caseOptions)
    {
        _state = new CoalescedState<CustomerState>(state, GrainContext, logger);
        _flushSoon = new FlushSoon(this, FlushAsync, ListPushDelay, logger, caseOptions.Value.WriteSoon);
        _listInTopics = caseOptions.Value.ListInTopics;
        _time = time;
        _logger = logger;
    }

    private CustomerState State => _state.Value;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (LastSiloStopping.Applies(reason, ServiceProvider))
        {
            await _state.FlushAsync();
            return;
        }

        await FlushAsync();
    }

    public async Task<CustomerSummary?> ApplyAsync(MentionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        State.Applied.EnsureApplied(batch.Partition, batch.ExpectedApplied);
        foreach (var item in batch.Items)
        {
            if (!State.Applied.IsApplied(batch.Partition, item.Sequence))
            {
                Apply(item);
            }
        }

        if (batch.Items.Length > 0)
        {
            State.Applied.MarkApplied(batch.Partition, batch.Items[^1].Sequence, _time.GetUtcNow());
            // Not Changed(): the ingest worker lists the summary returned here, one call per topic for the whole batch.
            _state.MarkDirty();
        }

        if (batch.Flush)
        {
            await FlushAsync();
        }

        if (batch.Items.Length == 0 || State.Mentions == 0 || State.IsBrand)
        {
            return null;
        }

        // Without topic lists (a replay) the worker reads only the influence (new posts' SLA): the segmentation, most of
        // a summary's cost, is made per customer per batch and nobody would read it.
        return _listInTopics ? Summary() : Summary(Influence().Value, assessment: null);
    }

    public Task CreditEngagementAsync(EngagementCredit credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        State.SharesReceived += credit.Shares;
        State.RepliesReceived += credit.Replies;
        State.SharerFollowers += credit.SharerFollowers;
        if (credit.LatestAt is { } at && (State.LastEngagedAt is null || at > State.LastEngagedAt))
        {
            State.LastEngagedAt = at;
        }

        Changed();
        return Task.CompletedTask;
    }

    public Task<CustomerProfile?> GetProfileAsync()
    {
        if (State.Mentions == 0 && !State.Erased)
        {
            return Task.FromResult<CustomerProfile?>(null);
        }

        var influence = Influence();
        var assessment = Assess(influence.Value);
        return Task.FromResult<CustomerProfile?>(new CustomerProfile
        {
            CustomerId = this.GetPrimaryKeyString(),
            Name = State.Name,
            Followers = State.Followers,
            IsBrand = State.IsBrand,
            Mentions = State.Mentions,
            PositiveMentions = State.Positive,
            NeutralMentions = State.Neutral,
            NegativeMentions = State.Negative,
            AverageSentiment = State.SentimentEwma,
            Influence = influence.Value,
            InfluenceBreakdown = new InfluenceBreakdown(influence.Reach, influence.Engagement, influence.Amplification, influence.Recency),
            Segment = (CustomerSegment)assessment.Segment,
            SegmentReasons = [.. assessment.Reasons],
            Trend = (CustomerTrend)assessment.Trend,
            TrendDelta = assessment.TrendDelta,
            Risk = assessment.Risk,
            SharesReceived = State.SharesReceived,
            RepliesReceived = State.RepliesReceived,
            Topics = [.. State.Topics.Order(StringComparer.Ordinal)],
            RecentMentions = [.. Enumerable.Reverse(State.Recent)],
            Conversations = [.. Enumerable.Reverse(State.Conversations).Take(MaxRecentMentions)],
            FirstSeenAt = State.FirstSeenAt,
            LastSeenAt = State.LastSeenAt,
            Erased = State.Erased,
        });
    }

    public Task<double> GetInfluenceAsync() => Task.FromResult(State.Mentions == 0 ? 0 : Influence().Value);

    public Task<string[]> GetConversationIdsAsync() => Task.FromResult(State.Conversations.ToArray());

    public async Task EraseAsync()
    {
        State.Name = null;
        State.Recent.Clear();
        State.Erased = true;
        Changed();
        await FlushAsync();
    }

    public async Task FlushAsync()
    {
        try
        {
            await PushToListsAsync();
        }
        catch (Exception ex)
        {
            // The list entry goes at the next flush; the state write must not wait for it.
            _listChanged = true;
            _logger.LogWarning(ex, "Listing customer {CustomerId} failed; retrying at the next flush", this.GetPrimaryKeyString());
        }

        await _state.FlushAsync();
    }

    private void Changed()
    {
        _state.MarkDirty();
        _listChanged = true;
        _flushSoon.Schedule();
    }

    private async Task PushToListsAsync()
    {
        if (_listChanged && _listInTopics && State.Mentions > 0 && !State.IsBrand)
        {
            // Cleared first: a change while the calls are in flight lists the customer again next time.
            _listChanged = false;
            var summary = Summary();
            await Task.WhenAll(State.Topics.Order(StringComparer.Ordinal).Take(MaxListedTopics)
                .Select(topic => GrainFactory.GetCachedGrain<ITopicCustomersGrain>(topic).UpsertAsync([summary])));
        }
    }

    private InfluenceScore Influence()
    {
        var lastActive = State.LastEngagedAt is { } engaged && (State.LastSeenAt is null || engaged > State.LastSeenAt) ? engaged : State.LastSeenAt;
        var inputs = new InfluenceInputs(State.Followers, State.SharesReceived, State.RepliesReceived, State.SharerFollowers, lastActive);
        return InfluenceModel.Compute(inputs, _time.GetUtcNow());
    }

    private CustomerAssessment Assess(double influence)
    {
        var history = State.History.Select(h => new SentimentEvent(h.At, (Analytics.Sentiment.SentimentClass)h.Label, h.Score)).ToArray();
        return CustomerSegmentation.Assess(history, State.SentimentEwma, influence, State.LastSeenAt ?? _time.GetUtcNow());
    }

    private CustomerSummary Summary()
    {
        var influence = Influence().Value;
        return Summary(influence, Assess(influence));
    }

    private CustomerSummary Summary(double influence, CustomerAssessment? assessment) =>
        new()
        {
            CustomerId = this.GetPrimaryKeyString(),
            Name = State.Name,
            Followers = State.Followers,
            Mentions = State.Mentions,
            NegativeMentions = State.Negative,
            AverageSentiment = State.SentimentEwma,
            Influence = influence,
            Risk = assessment?.Risk ?? 0,
            Segment = (CustomerSegment)(assessment?.Segment ?? default),
            SegmentReasons = assessment is null ? [] : [.. assessment.Reasons],
            Trend = (CustomerTrend)(assessment?.Trend ?? default),
            LastSeenAt = State.LastSeenAt,
            IsBrand = State.IsBrand,
        };

    private void Apply(ScoredMention item)
    {
        var mention = item.Mention;
        if (!State.Erased)
        {
            State.Name = mention.AuthorName ?? State.Name;
        }

        State.Followers = mention.AuthorFollowers;
        State.IsBrand = mention.AuthorIsBrand;
        State.SentimentEwma = Ewma.Update(State.SentimentEwma, State.Mentions, item.Score);
        State.Mentions++;
        switch (item.Label)
        {
            case SentimentLabel.Negative: State.Negative++; break;
            case SentimentLabel.Positive: State.Positive++; break;
            default: State.Neutral++; break;
        }

        foreach (var topic in item.Topics)
        {
            if (State.Topics.Count < MaxTopics)
            {
                State.Topics.Add(topic);
            }
        }

        State.FirstSeenAt = State.FirstSeenAt is { } first && first < mention.CreatedAt ? first : mention.CreatedAt;
        State.LastSeenAt = State.LastSeenAt is { } last && last > mention.CreatedAt ? last : mention.CreatedAt;
        AddBounded(State.History, new HistoryPoint(mention.CreatedAt, item.Label, item.Score), MaxHistory);
        RememberConversation(mention.ConversationId);

        // An erased customer's new mentions are counted but their text is not kept.
        if (!State.Erased)
        {
            AddBounded(State.Recent, new RecentMention(mention.Id, mention.CreatedAt, mention.Text, item.Label, item.Score, mention.ConversationId, item.Topics), MaxRecentMentions);
        }
    }

    private void RememberConversation(string conversationId)
    {
        var conversations = State.Conversations;
        if (conversations.Count > 0 && conversations[^1] == conversationId)
        {
            return;
        }

        // A prolific author's list is long and most of their mentions start a conversation not in it: a set answers
        // "is it there?" instead of a scan of up to MaxConversations ids per mention (2 % of a replay's CPU).
        if (conversations.Count >= IndexConversationsFrom)
        {
            _conversationIndex ??= new HashSet<string>(conversations, StringComparer.Ordinal);
        }

        if (_conversationIndex is null || !_conversationIndex.Add(conversationId))
        {
            conversations.Remove(conversationId);
        }

        conversations.Add(conversationId);
        if (conversations.Count > MaxConversations)
        {
            _conversationIndex?.Remove(conversations[0]);
            conversations.RemoveAt(0);
        }
    }

    private static void AddBounded<T>(List<T> list, T item, int max)
    {
        list.Add(item);
        if (list.Count > max)
        {
            list.RemoveAt(0);
        }
    }
}
