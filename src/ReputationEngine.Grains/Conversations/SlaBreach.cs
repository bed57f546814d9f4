namespace ReputationEngine.Grains.Conversations;

/// <summary>A response SLA breach of one conversation on one topic, as handed to the topic's alert book.</summary>
public sealed record SlaBreach(
    string TopicId,
    string ConversationId,
    string CustomerId,
    DateTimeOffset WaitingSince,
    DateTimeOffset DueAt,
    double WaitedMinutes,
    double LimitMinutes,
    int Severity);
