using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Conversations;

/// <summary>
/// One conversation (key: thread root id) as a case: messages, shares, participants, running sentiment,
/// state, assignee, notes, first-response time and the topic's response SLA.
/// </summary>
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Applies this thread's mentions; mentions already applied (by log sequence) are skipped.</summary>
    /// <returns>The conversation's summary (for the topic lists and dashboards), or null when it does not exist yet.</returns>
    Task<ConversationSummary?> ApplyAsync(MentionBatch batch);

    /// <summary>The summary, or null when nothing was ever said in this conversation.</summary>
    Task<ConversationSummary?> GetSummaryAsync();

    /// <summary>The case drill-down, or null when nothing was ever said in this conversation.</summary>
    Task<ConversationDetail?> GetDetailAsync();

    /// <summary>Assigns the case (null unassigns); null when the conversation is unknown.</summary>
    Task<ConversationSummary?> AssignAsync(string? assignee);

    /// <summary>Marks the case resolved until a customer writes again; null when the conversation is unknown.</summary>
    Task<ConversationSummary?> ResolveAsync();

    /// <summary>Adds a staff note; null when the conversation is unknown.</summary>
    Task<ConversationSummary?> AddNoteAsync(string text, string? author);

    /// <summary>Privacy erasure: removes the texts of <paramref name="authorId"/>'s messages kept in this case.</summary>
    Task EraseAuthorAsync(string authorId);

    /// <summary>Checks the response SLA now (the silence timer calls this); raises a breach at most once per wait.</summary>
    Task CheckSlaAsync();

    Task FlushAsync();
}
