using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// One scored mention as the topic detector sees it. <see cref="CreatedAt"/> is event time.
/// <see cref="AuthorInfluence"/> is the CRM's influence score in 0..1 when known, otherwise NaN
/// (the detector then judges influence from followers relative to this topic's authors).
/// <see cref="Terms"/> may carry pre-tokenised terms; when null the detector tokenises <see cref="Text"/>.
/// For shares, <see cref="ConversationId"/> is the conversation of the shared mention and
/// <see cref="ConversationStartedAt"/> the original post's time when known.
/// </summary>
public readonly record struct MentionObservation(
    string Id,
    DateTimeOffset CreatedAt,
    SentimentClass Sentiment,
    float SentimentScore,
    string AuthorId,
    long AuthorFollowers,
    string ConversationId,
    MentionKind Kind,
    string? Text,
    double AuthorInfluence = double.NaN,
    IReadOnlyList<string>? Terms = null,
    DateTimeOffset? ConversationStartedAt = null)
{
    public bool IsNegative => Sentiment == SentimentClass.Negative;

    public bool IsShare => Kind is MentionKind.Share or MentionKind.Quote;
}
