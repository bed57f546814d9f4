using Microsoft.Extensions.Logging;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Conversations;

public sealed class ConversationGrain : Grain, IConversationGrain
{
    /// <summary>Participants are counted exactly up to this many; beyond it, new ids are estimated as new.</summary>
    public const int MaxTrackedParticipants = 5_000;
    public const int MaxTopics = 100;

    private readonly CoalescedState<ConversationGrainState> _state;
    private readonly TimeProvider _time;

    public ConversationGrain(
        [PersistentState("conversation", StorageNames.Default)] IPersistentState<ConversationGrainState> state,
        TimeProvider time,
        ILogger<ConversationGrain> logger)
    {
        _state = new CoalescedState<ConversationGrainState>(state, logger);
        _time = time;
    }

    private ConversationGrainState State => _state.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, CoalescedState<ConversationGrainState>.SafetyFlushPeriod, CoalescedState<ConversationGrainState>.SafetyFlushPeriod);
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

    public Task<ConversationSummary?> GetSummaryAsync()
    {
        if (State.Messages == 0 && State.Shares == 0)
        {
            return Task.FromResult<ConversationSummary?>(null);
        }

        return Task.FromResult<ConversationSummary?>(new ConversationSummary
        {
            ConversationId = this.GetPrimaryKeyString(),
            Topics = [.. State.Topics.Order(StringComparer.Ordinal)],
            Messages = State.Messages,
            Shares = State.Shares,
            Participants = State.ParticipantIds.Count + State.ParticipantsBeyondTracked,
            State = State.State,
            Assignee = State.Assignee,
            AverageSentiment = State.SentimentCount == 0 ? 0 : State.SentimentSum / State.SentimentCount,
            FirstResponseSeconds = State.FirstBrandResponseAt is { } response && State.FirstCustomerMessageAt is { } asked
                ? Math.Max(0, (response - asked).TotalSeconds)
                : null,
            ForecastFinalShares = State.Shares,
            StartedAt = State.StartedAt,
            LastActivityAt = State.LastActivityAt,
            RootAuthorId = State.RootAuthorId,
            NegativeMessages = State.NegativeMessages,
            Reach = State.Reach,
        });
    }

    public Task FlushAsync() => _state.FlushAsync();

    private void Apply(ScoredMention item)
    {
        var mention = item.Mention;
        if (mention.Kind == MentionKind.Share)
        {
            State.Shares++;
        }
        else
        {
            State.Messages++;
            State.SentimentSum += item.Score;
            State.SentimentCount++;
            if (item.Label == SentimentLabel.Negative)
            {
                State.NegativeMessages++;
            }
        }

        if (State.ParticipantIds.Count < MaxTrackedParticipants)
        {
            State.ParticipantIds.Add(mention.AuthorId);
        }
        else if (!State.ParticipantIds.Contains(mention.AuthorId))
        {
            State.ParticipantsBeyondTracked++;
        }

        foreach (var topic in item.Topics)
        {
            if (State.Topics.Count < MaxTopics)
            {
                State.Topics.Add(topic);
            }
        }

        State.Reach += mention.AuthorFollowers;
        if (mention.Id == this.GetPrimaryKeyString())
        {
            State.RootAuthorId = mention.AuthorId;
        }

        State.StartedAt = State.StartedAt is { } started && started < mention.CreatedAt ? started : mention.CreatedAt;
        State.LastActivityAt = State.LastActivityAt is { } last && last > mention.CreatedAt ? last : mention.CreatedAt;

        // First response time: from the first customer message to the first brand reply after it.
        if (mention.AuthorIsBrand)
        {
            if (State.FirstCustomerMessageAt is { } asked && mention.CreatedAt >= asked
                && (State.FirstBrandResponseAt is null || mention.CreatedAt < State.FirstBrandResponseAt))
            {
                State.FirstBrandResponseAt = mention.CreatedAt;
            }
        }
        else if (mention.Kind != MentionKind.Share
            && (State.FirstCustomerMessageAt is null || mention.CreatedAt < State.FirstCustomerMessageAt))
        {
            State.FirstCustomerMessageAt = mention.CreatedAt;
        }
    }
}
