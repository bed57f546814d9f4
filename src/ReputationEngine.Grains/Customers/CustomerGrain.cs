using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Conversations;
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
    private readonly PendingSeeds _seeds;
    private bool _registered;

    public CustomerGrain(
        [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
        TimeProvider time,
        ILogger<CustomerGrain> logger,
        IOptions<CaseGrainOptions> caseOptions,
        PendingSeeds seeds)
    {
        _seeds = seeds;
        _state = new CoalescedState<CustomerState>(state, GrainContext, logger);
        _flushSoon = new FlushSoon(this, FlushAsync, ListPushDelay, logger, caseOptions.Value.WriteSoon);
        _listInTopics = caseOptions.Value.ListInTopics;
        _time = time;
        _logger = logger;
    }

    private CustomerState State => _state.Value;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // While this activation lives on this silo, the ingest worker applies the customer's mentions through it instead
        // of writing a seed (CustomerSeeder) past the state held here.
        _registered = true;
        if (_seeds.CustomerActivated(Id) is { } seed)
        {
            try
            {
                // The state was read while a seed's insert was in flight (an API read or an engagement credit during the
                // batch that first saw the author): read what it wrote, not the empty state.
                await seed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
                await _state.ReloadAsync();
            }
            catch
            {
                Unregister();
                throw;
            }
        }

        // A row read from storage brings its own copy of every topic id; an active customer keeps them all (up to 100).
        State.Topics = TopicNamePool.Share(State.Topics);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            if (LastSiloStopping.Applies(reason, ServiceProvider))
            {
                await _state.FlushAsync();
            }
            else
            {
                await FlushAsync();
            }
        }
        finally
        {
            Unregister();
        }
    }

    private void Unregister()
    {
        if (_registered)
        {
            _registered = false;
            _seeds.CustomerDeactivated(Id);
        }
    }

    public async Task<CustomerSummary?> ApplyAsync(MentionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CustomerFold.Apply(State, batch, _time.GetUtcNow());
        if (batch.Items.Length > 0)
        {
            // Not Changed(): the ingest worker lists the summary returned here, one call per topic for the whole batch.
            _state.MarkDirty();
        }

        if (batch.Flush)
        {
            await FlushAsync();
        }

        return batch.Items.Length == 0 ? null : CustomerFold.AppliedSummary(Id, State, _listInTopics, _time.GetUtcNow());
    }

    /// <summary>
    /// A customer with no stored row yet is written before this returns. A seed (<see cref="CustomerSeeder"/>) on
    /// another silo may insert that row meanwhile; this activation's write then fails and it deactivates, and a credit
    /// held only in memory would be lost, since the conversation clears its pending credit once this returns. Written
    /// first, the credit either is durable or fails here (taken back: the conversation retries it). Once the row
    /// exists, no seed can overwrite it (seeds only insert) and the credit is written within a second as before: a
    /// write per credit cost a replay 45 % more CPU (docs/benchmarks.md).
    /// </summary>
    public async Task CreditEngagementAsync(EngagementCredit credit)
    {
        ArgumentNullException.ThrowIfNull(credit);
        var before = (State.SharesReceived, State.RepliesReceived, State.SharerFollowers, State.LastEngagedAt);
        State.SharesReceived += credit.Shares;
        State.RepliesReceived += credit.Replies;
        State.SharerFollowers += credit.SharerFollowers;
        if (credit.LatestAt is { } at && (State.LastEngagedAt is null || at > State.LastEngagedAt))
        {
            State.LastEngagedAt = at;
        }

        if (_state.IsStored)
        {
            Changed();
            return;
        }

        _state.MarkDirty();
        _listChanged = true;
        try
        {
            await FlushAsync();
        }
        catch
        {
            (State.SharesReceived, State.RepliesReceived, State.SharerFollowers, State.LastEngagedAt) = before;
            throw;
        }
    }

    public Task<CustomerProfile?> GetProfileAsync()
    {
        if (State.Mentions == 0 && !State.Erased)
        {
            return Task.FromResult<CustomerProfile?>(null);
        }

        var now = _time.GetUtcNow();
        var influence = CustomerFold.Influence(State, now);
        var assessment = CustomerFold.Assess(State, influence.Value, now);
        return Task.FromResult<CustomerProfile?>(new CustomerProfile
        {
            CustomerId = Id,
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
            RecentMentions = State.Recent().NewestFirst(),
            Conversations = State.Conversations().NewestFirst(MaxRecentMentions),
            FirstSeenAt = State.FirstSeenAt,
            LastSeenAt = State.LastSeenAt,
            Erased = State.Erased,
        });
    }

    public Task<double> GetInfluenceAsync() => Task.FromResult(State.Mentions == 0 ? 0 : CustomerFold.Influence(State, _time.GetUtcNow()).Value);

    public Task<string[]> GetConversationIdsAsync() => Task.FromResult(State.Conversations().ToArray());

    public async Task EraseAsync()
    {
        State.Name = null;
        State.Recent().Clear();
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
            _logger.LogWarning(ex, "Listing customer {CustomerId} failed; retrying at the next flush", Id);
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

    private CustomerSummary Summary() => CustomerFold.Summary(Id, State, _time.GetUtcNow());
}
