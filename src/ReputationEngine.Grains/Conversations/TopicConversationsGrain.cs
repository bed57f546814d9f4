using Microsoft.Extensions.Logging;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Conversations;

/// <summary>A topic's bounded case list; conversations push their summary when they checkpoint or staff act.</summary>
public sealed class TopicConversationsGrain : Grain, ITopicConversationsGrain
{
    public const int MaxConversations = 2_000;

    /// <summary>Evictions free this many places at once, so a full list does not sort on every upsert.</summary>
    public const int EvictionSlack = 100;

    private readonly CoalescedState<TopicConversationsState> _state;

    public TopicConversationsGrain(
        [PersistentState("topicConversations", StorageNames.Default)] IPersistentState<TopicConversationsState> state,
        ILogger<TopicConversationsGrain> logger) => _state = new CoalescedState<TopicConversationsState>(state, logger);

    private Dictionary<string, ConversationSummary> Conversations => _state.Value.Conversations;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_state.FlushAsync, CoalescedState<TopicConversationsState>.SafetyFlushPeriod, CoalescedState<TopicConversationsState>.SafetyFlushPeriod);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await _state.FlushAsync();

    public Task UpsertAsync(ConversationSummary[] conversations)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        foreach (var conversation in conversations)
        {
            Conversations[conversation.ConversationId] = conversation;
        }

        if (Conversations.Count > MaxConversations)
        {
            // Resolved cases go first, then those quiet the longest; waiting customers stay longest.
            var evicted = Conversations.Values
                .OrderBy(c => c.State == ConversationState.Resolved ? 0 : c.WaitingSince is null ? 1 : 2)
                .ThenBy(c => c.LastActivityAt ?? DateTimeOffset.MinValue)
                .Take(Conversations.Count - MaxConversations + EvictionSlack)
                .ToArray();
            foreach (var conversation in evicted)
            {
                Conversations.Remove(conversation.ConversationId);
            }
        }

        _state.MarkDirty();
        return Task.CompletedTask;
    }

    public Task<ConversationSummary[]> ListAsync(ConversationState? state, ConversationSort sort, int limit)
    {
        var selected = Conversations.Values.Where(c => state is null || c.State == state);
        var ordered = sort switch
        {
            // Waiting longest first; nobody waiting goes last.
            ConversationSort.Waiting => selected.OrderBy(c => c.WaitingSince ?? DateTimeOffset.MaxValue),
            ConversationSort.Virality => selected.OrderByDescending(c => c.Virality),
            _ => selected.OrderByDescending(c => c.LastActivityAt ?? DateTimeOffset.MinValue),
        };
        return Task.FromResult(ordered.ThenBy(c => c.ConversationId, StringComparer.Ordinal).Take(Math.Max(0, limit)).ToArray());
    }
}
