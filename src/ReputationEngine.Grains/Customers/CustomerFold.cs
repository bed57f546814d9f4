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
    /// <summary>
    /// Applies the batch's mentions that <paramref name="state"/> has not applied yet and moves its watermark.
    /// Throws when the state lacks work the partition expects it to hold (<see cref="Persistence.AppliedWatermarks.EnsureApplied"/>).
    /// </summary>
    public static void Apply(CustomerState state, MentionBatch batch, DateTimeOffset now)
    {
        state.Applied.EnsureApplied(batch.Partition, batch.ExpectedApplied);
        foreach (var item in batch.Items)
        {
            if (!state.Applied.IsApplied(batch.Partition, item.Sequence))
            {
                Apply(state, item);
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
        return CustomerSegmentation.Assess(state.History().ToEvents(), state.SentimentEwma, influence, state.LastSeenAt ?? now);
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

    private static void Apply(CustomerState state, ScoredMention item)
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
                state.Topics.Add(TopicNamePool.Name(topic));
            }
        }

        state.FirstSeenAt = state.FirstSeenAt is { } first && first < mention.CreatedAt ? first : mention.CreatedAt;
        state.LastSeenAt = state.LastSeenAt is { } last && last > mention.CreatedAt ? last : mention.CreatedAt;
        state.History().Add(mention.CreatedAt, item.Label, item.Score, CustomerGrain.MaxHistory);
        state.Conversations().Touch(mention.ConversationId, CustomerGrain.MaxConversations);

        // An erased customer's new mentions are counted but their text is not kept.
        if (!state.Erased)
        {
            state.Recent().Add(new RecentMention(mention.Id, mention.CreatedAt, mention.Text, item.Label, item.Score, mention.ConversationId, item.Topics),
                CustomerGrain.MaxRecentMentions);
        }
    }
}
