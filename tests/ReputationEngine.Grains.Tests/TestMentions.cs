using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Grains.Tests;

public static class TestMentions
{
    public static readonly DateTimeOffset BaseTime = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    public static Mention Mention(string id, string text = "hello", string author = "tw:jane", int seconds = 0,
        string? conversation = null, MentionKind kind = MentionKind.Post, long followers = 100, bool isBrand = false, string[]? topics = null) => new()
    {
        Id = id,
        Source = "twitter",
        CreatedAt = BaseTime.AddSeconds(seconds),
        AuthorId = author,
        AuthorName = author,
        AuthorFollowers = followers,
        AuthorIsBrand = isBrand,
        Text = text,
        ConversationId = conversation ?? id,
        Kind = kind,
        Topics = topics ?? [],
    };

    public static ScoredMention Scored(long sequence, Mention mention, SentimentLabel label, float score, params string[] topics) =>
        new(sequence, mention, label, score, topics);
}
