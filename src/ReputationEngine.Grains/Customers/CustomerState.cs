using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

[GenerateSerializer]
public sealed class CustomerState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public long Followers { get; set; }
    [Id(2)] public bool IsBrand { get; set; }
    [Id(3)] public long Mentions { get; set; }
    [Id(4)] public long Positive { get; set; }
    [Id(5)] public long Neutral { get; set; }
    [Id(6)] public long Negative { get; set; }
    [Id(7)] public double SentimentEwma { get; set; }
    [Id(8)] public HashSet<string> Topics { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Rows written before <see cref="PackedRecent"/>: read, folded into it on first use, never written again.</summary>
    [Id(9)] public List<RecentMention>? LegacyRecent { get; set; }
    [Id(10)] public DateTimeOffset? FirstSeenAt { get; set; }
    [Id(11)] public DateTimeOffset? LastSeenAt { get; set; }
    [Id(12)] public AppliedWatermarks Applied { get; set; } = new();
    [Id(13)] public bool Erased { get; set; }
    /// <summary>Rows written before <see cref="PackedHistory"/>: read, folded into it on first use, never written again.</summary>
    [Id(14)] public List<HistoryPoint>? LegacyHistory { get; set; }
    [Id(15)] public long SharesReceived { get; set; }
    [Id(16)] public long RepliesReceived { get; set; }
    [Id(17)] public long SharerFollowers { get; set; }
    [Id(18)] public DateTimeOffset? LastEngagedAt { get; set; }
    /// <summary>Rows written before <see cref="PackedConversations"/>: read, folded into it on first use, never written again.</summary>
    [Id(19)] public List<string>? LegacyConversations { get; set; }
    [Id(20)] public ConversationIdLog? PackedConversations { get; set; }
    [Id(21)] public SentimentHistoryLog? PackedHistory { get; set; }
    [Id(22)] public RecentMentionLog? PackedRecent { get; set; }

    // Methods, not properties: state serializers that write every public property must not see them.

    /// <summary>Conversation ids, most recent last, at most <see cref="CustomerGrain.MaxConversations"/>.</summary>
    public ConversationIdLog Conversations()
    {
        if (LegacyConversations is { } legacy)
        {
            PackedConversations = ConversationIdLog.From(legacy, CustomerGrain.MaxConversations);
            LegacyConversations = null;
        }

        return PackedConversations ??= new();
    }

    /// <summary>Mentions with text, newest last, at most <see cref="CustomerGrain.MaxRecentMentions"/>.</summary>
    public RecentMentionLog Recent()
    {
        if (LegacyRecent is { } legacy)
        {
            PackedRecent = RecentMentionLog.From(legacy, CustomerGrain.MaxRecentMentions);
            LegacyRecent = null;
        }

        return PackedRecent ??= new();
    }

    /// <summary>Scores without text, newest last, at most <see cref="CustomerGrain.MaxHistory"/>.</summary>
    public SentimentHistoryLog History()
    {
        if (LegacyHistory is { } legacy)
        {
            PackedHistory = SentimentHistoryLog.From(legacy, CustomerGrain.MaxHistory);
            LegacyHistory = null;
        }

        return PackedHistory ??= new();
    }
}
