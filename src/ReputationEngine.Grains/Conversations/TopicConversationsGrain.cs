using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.TopicLists;

namespace ReputationEngine.Grains.Conversations;

/// <summary>A topic's bounded case list; conversations push their summary when they checkpoint or staff act.</summary>
public sealed class TopicConversationsGrain(
    [PersistentState("topicConversations", StorageNames.Default)] IPersistentState<TopicConversationsState> legacy,
    ITopicListStore store,
    Serializer serializer,
    ILogger<TopicConversationsGrain> logger)
    : TopicListGrain<ConversationSummary>(store, serializer, logger), ITopicConversationsGrain
{
    protected override string ListName => "conversations";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await ImportLegacyStateAsync(legacy, state => state.Conversations.Values);
    }

    public Task UpsertAsync(ConversationSummary[] conversations)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        Upsert(conversations);
        return Task.CompletedTask;
    }

    public Task<ConversationSummary[]> ListAsync(ConversationState? state, ConversationSort sort, int limit)
    {
        var selected = Entries.Where(c => state is null || c.State == state);
        var ordered = sort switch
        {
            // Waiting longest first; nobody waiting goes last.
            ConversationSort.Waiting => selected.OrderBy(c => c.WaitingSince ?? DateTimeOffset.MaxValue),
            ConversationSort.Virality => selected.OrderByDescending(c => c.Virality),
            _ => selected.OrderByDescending(c => c.LastActivityAt ?? DateTimeOffset.MinValue),
        };
        return Task.FromResult(ordered.ThenBy(c => c.ConversationId, StringComparer.Ordinal).Take(Math.Max(0, limit)).ToArray());
    }

    protected override string IdOf(ConversationSummary summary) => summary.ConversationId;

    // Resolved cases go first, then those quiet the longest; waiting customers stay longest.
    protected override IEnumerable<ConversationSummary> EvictionOrder(IEnumerable<ConversationSummary> entries) => entries
        .OrderBy(c => c.State == ConversationState.Resolved ? 0 : c.WaitingSince is null ? 1 : 2)
        .ThenBy(c => c.LastActivityAt ?? DateTimeOffset.MinValue);
}
