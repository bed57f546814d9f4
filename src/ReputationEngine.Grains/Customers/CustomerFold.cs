using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Scoring;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// How a customer's mentions become its state, and what is read off that state. One code path for
/// <see cref="CustomerGrain"/> and <see cref="CustomerSeeder"/> (a first-time author written without the grain), so a
/// seeded row is exactly the one the grain would have written.
/// </summary>
public static class CustomerFold
{
    /// <summary>The ids of <see cref="CustomerState.Conversations"/> are indexed once the list is this long.</summary>
    private const int IndexConversationsFrom = 32;

    /// <summary>
    /// Applies the batch's mentions that <paramref name="state"/> has not applied yet and moves its watermark.
    /// Throws when the state lacks work the partition expects it to hold (<see cref="Persistence.AppliedWatermarks.EnsureApplied"/>).
    /// <paramref name="conversationIndex"/> is the caller's cache of the conversation ids (null: built when needed).
    /// </summary>
    public static void Apply(CustomerState state, MentionBatch batch, DateTimeOffset now, ref HashSet<string>? conversationIndex)
    {
        state.Applied.EnsureApplied(batch.Partition, batch.ExpectedApplied);
        foreach (var item in batch.Items)
        {
            if (!state.Applied.IsApplied(batch.Partition, item.Sequence))
            {
                Apply(state, item, ref conversationIndex);
            }
        }

        if (batch.Items.Length > 0)
        {
            state.Applied.MarkApplied(batch.Partition, batch.Items[^1].Sequence, now);
        }
    }

    /// <summary>
    /// What applying a batch returns for the topic lists: null for a brand or an unknown customer. Without the lists
    /// (a replay) only the influence is read (new posts' SLA), so the segmentation, most of a summary's cost, is skipped.
    /// </summary>
    public static CustomerSummary? AppliedSummary(string customerId, CustomerState state, bool withSegmentation, DateTimeOffset now)
    {
        if (state.Mentions == 0 || state.IsBrand)
        {
            return null;
        }

        return withSegmentation ? Summary(customerId, state, now) : Summary(customerId, state, Influence(state, now).Value, assessment: null);
    }

    public static InfluenceScore Influence(CustomerState state, DateTimeOffset now)
    {
        var lastActive = state.LastEngagedAt is { } engaged && (state.LastSeenAt is null || engaged > state.LastSeenAt) ? engaged : state.LastSeenAt;
        var inputs = new InfluenceInputs(state.Followers, state.SharesReceived, state.RepliesReceived, state.SharerFollowers, lastActive);
        return InfluenceModel.Compute(inputs, now);
    }

    public static CustomerAssessment Assess(CustomerState state, double influence, DateTimeOffset now)
    {
        var history = state.History.Select(h => new SentimentEvent(h.At, (Analytics.Sentiment.SentimentClass)h.Label, h.Score)).ToArray();
        return CustomerSegmentation.Assess(history, state.SentimentEwma, influence, state.LastSeenAt ?? now);
    }

    /// <summary>The full summary, segmentation included (the topic lists' entry).</summary>
    public static CustomerSummary Summary(string customerId, CustomerState state, DateTimeOffset now)
    {
        var influence = Influence(state, now).Value;
        return Summary(customerId, state, influence, Assess(state, influence, now));
    }

    public static CustomerSummary Summary(string customerId, CustomerState state, double influence, CustomerAssessment? assessment) =>
        new()
        {
            CustomerId = customerId,
            Name = state.Name,
            Followers = state.Followers,
            Mentions = state.Mentions,
            NegativeMentions = state.Negative,
            AverageSentiment = state.SentimentEwma,
            Influence = influence,
            Risk = assessment?.Risk ?? 0,
            Segment = (CustomerSegment)(assessment?.Segment ?? default),
            SegmentReasons = assessment is null ? [] : [.. assessment.Reasons],
            Trend = (CustomerTrend)(assessment?.Trend ?? default),
            LastSeenAt = state.LastSeenAt,
            IsBrand = state.IsBrand,
        };

    private static void Apply(CustomerState state, ScoredMention item, ref HashSet<string>? conversationIndex)
    {
        var mention = item.Mention;
        if (!state.Erased)
        {
            state.Name = mention.AuthorName ?? state.Name;
        }

        state.Followers = mention.AuthorFollowers;
        state.IsBrand = mention.AuthorIsBrand;
        state.SentimentEwma = Ewma.Update(state.SentimentEwma, state.Mentions, item.Score);
        state.Mentions++;
        switch (item.Label)
        {
            case SentimentLabel.Negative: state.Negative++; break;
            case SentimentLabel.Positive: state.Positive++; break;
            default: state.Neutral++; break;
        }

        foreach (var topic in item.Topics)
        {
            if (state.Topics.Count < CustomerGrain.MaxTopics)
            {
                state.Topics.Add(topic);
            }
        }

        state.FirstSeenAt = state.FirstSeenAt is { } first && first < mention.CreatedAt ? first : mention.CreatedAt;
        state.LastSeenAt = state.LastSeenAt is { } last && last > mention.CreatedAt ? last : mention.CreatedAt;
        AddBounded(state.History, new HistoryPoint(mention.CreatedAt, item.Label, item.Score), CustomerGrain.MaxHistory);
        RememberConversation(state.Conversations, mention.ConversationId, ref conversationIndex);

        // An erased customer's new mentions are counted but their text is not kept.
        if (!state.Erased)
        {
            AddBounded(state.Recent, new RecentMention(mention.Id, mention.CreatedAt, mention.Text, item.Label, item.Score, mention.ConversationId, item.Topics),
                CustomerGrain.MaxRecentMentions);
        }
    }

    private static void RememberConversation(List<string> conversations, string conversationId, ref HashSet<string>? index)
    {
        if (conversations.Count > 0 && conversations[^1] == conversationId)
        {
            return;
        }

        // A prolific author's list is long and most of their mentions start a conversation not in it: a set answers
        // "is it there?" instead of a scan of up to MaxConversations ids per mention (2 % of a replay's CPU).
        if (conversations.Count >= IndexConversationsFrom)
        {
            index ??= new HashSet<string>(conversations, StringComparer.Ordinal);
        }

        if (index is null || !index.Add(conversationId))
        {
            conversations.Remove(conversationId);
        }

        conversations.Add(conversationId);
        if (conversations.Count > CustomerGrain.MaxConversations)
        {
            index?.Remove(conversations[0]);
            conversations.RemoveAt(0);
        }
    }

    private static void AddBounded<T>(List<T> list, T item, int max)
    {
        list.Add(item);
        if (list.Count > max)
        {
            list.RemoveAt(0);
        }
    }
}
