using Microsoft.Extensions.Logging;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Scoring;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

public sealed class CustomerGrain : Grain, ICustomerGrain
{
    public const int MaxRecentMentions = 50;
    public const int MaxTopics = 100;

    private readonly CoalescedState<CustomerState> _state;
    private readonly TimeProvider _time;

    public CustomerGrain(
        [PersistentState("customer", StorageNames.Default)] IPersistentState<CustomerState> state,
        TimeProvider time,
        ILogger<CustomerGrain> logger)
    {
        _state = new CoalescedState<CustomerState>(state, logger);
        _time = time;
    }

    private CustomerState State => _state.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, CoalescedState<CustomerState>.SafetyFlushPeriod, CoalescedState<CustomerState>.SafetyFlushPeriod);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await FlushAsync();

    public Task ApplyAsync(MentionBatch batch)
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
            _state.MarkDirty();
        }

        return batch.Flush ? FlushAsync() : Task.CompletedTask;
    }

    public Task<CustomerProfile?> GetProfileAsync()
    {
        if (State.Mentions == 0 && !State.Erased)
        {
            return Task.FromResult<CustomerProfile?>(null);
        }

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
            Influence = Math.Log10(1 + State.Followers),
            Segment = CustomerSegment.Neutral,
            SegmentReasons = [],
            Topics = [.. State.Topics.Order(StringComparer.Ordinal)],
            RecentMentions = [.. Enumerable.Reverse(State.Recent)],
            FirstSeenAt = State.FirstSeenAt,
            LastSeenAt = State.LastSeenAt,
            Erased = State.Erased,
        });
    }

    public async Task EraseAsync()
    {
        State.Name = null;
        State.Recent.Clear();
        State.Erased = true;
        _state.MarkDirty();
        await _state.FlushAsync();
    }

    public Task FlushAsync() => _state.FlushAsync();

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

        // An erased customer's new mentions are counted but their text is not kept.
        if (!State.Erased)
        {
            State.Recent.Add(new RecentMention(mention.Id, mention.CreatedAt, mention.Text, item.Label, item.Score, mention.ConversationId, item.Topics));
            if (State.Recent.Count > MaxRecentMentions)
            {
                State.Recent.RemoveAt(0);
            }
        }
    }
}
