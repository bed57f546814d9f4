namespace ReputationEngine.Abstractions.Conversations;

/// <summary>
/// A topic's case list (key: topic id), fed in batches by conversation grains when they checkpoint or change
/// state. Bounded: beyond 2 000 entries resolved and then least recently active cases are dropped.
/// </summary>
public interface ITopicConversationsGrain : IGrainWithStringKey
{
    Task UpsertAsync(ConversationSummary[] conversations);

    /// <summary>Conversations in <paramref name="state"/> (all when null), ordered by <paramref name="sort"/>.</summary>
    Task<ConversationSummary[]> ListAsync(ConversationState? state, ConversationSort sort, int limit);
}
