using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Conversations;

/// <summary>One conversation (key: thread root id): messages, shares, participants, running sentiment.</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Applies this thread's mentions; mentions already applied (by log sequence) are skipped.</summary>
    Task ApplyAsync(MentionBatch batch);

    /// <summary>The summary, or null when nothing was ever said in this conversation.</summary>
    Task<ConversationSummary?> GetSummaryAsync();

    Task FlushAsync();
}
