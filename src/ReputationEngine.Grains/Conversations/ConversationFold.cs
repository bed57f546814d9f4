using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Grains.Conversations;

/// <summary>
/// What a conversation's state becomes with each mention, and its summary: pure code shared by
/// <see cref="ConversationGrain"/> and <see cref="ConversationSeeder"/> (which writes a new post's conversation without
/// activating it), so both produce the same state from the same mentions.
/// </summary>
public static class ConversationFold
{
    /// <summary>Folds one mention into <paramref name="state"/>; brand replies that end a wait are added to <paramref name="closed"/>.</summary>
    public static void Apply(
        ConversationGrainState state, CascadeForecaster forecast, string conversationId, ScoredMention item, DateTimeOffset wallNow, List<ClosedWait> closed)
    {
        var mention = item.Mention;
        if (mention.Id == conversationId)
        {
            forecast.AddOriginal(mention.AuthorFollowers);
        }

        var isShare = mention.Kind == MentionKind.Share;
        if (isShare)
        {
            state.Shares++;
            var since = state.StartedAt is { } origin ? Math.Max(0, (mention.CreatedAt - origin).TotalSeconds) : 0;
            forecast.AddShare(since, mention.AuthorFollowers);
        }
        else
        {
            state.Messages++;
            state.SentimentSum += item.Score;
            state.SentimentCount++;
            if (item.Label == SentimentLabel.Negative)
            {
                state.NegativeMessages++;
            }

            AddBounded(state.Trajectory, new SentimentPoint(mention.CreatedAt, item.Score, state.SentimentSum / state.SentimentCount), ConversationGrain.MaxTrajectory);
            AddBounded(state.RecentMessages, new ConversationMessage(
                mention.Id, mention.AuthorId, mention.AuthorIsBrand, mention.CreatedAt, mention.Kind, mention.Text, item.Label, item.Score), ConversationGrain.MaxRecentMessages);
        }

        if (state.ParticipantIds.Count < ConversationGrain.MaxTrackedParticipants)
        {
            state.ParticipantIds.Add(mention.AuthorId);
        }
        else if (!state.ParticipantIds.Contains(mention.AuthorId))
        {
            state.ParticipantsBeyondTracked++;
        }

        foreach (var topic in item.Topics)
        {
            if (state.Topics.Count < ConversationGrain.MaxTopics)
            {
                state.Topics.Add(topic);
            }
        }

        state.Reach += mention.AuthorFollowers;
        if (mention.Id == conversationId)
        {
            state.RootAuthorId = mention.AuthorId;
        }
        else if (mention.AuthorId != state.RootAuthorId)
        {
            // What others do with the thread is the root author's influence (credited at the next checkpoint).
            state.PendingCredit.Add(isShare || mention.Kind == MentionKind.Quote, mention.AuthorFollowers, mention.CreatedAt);
            state.Replies += isShare ? 0 : 1;
        }

        state.StartedAt = state.StartedAt is { } started && started < mention.CreatedAt ? started : mention.CreatedAt;
        if (state.LastActivityAt is null || mention.CreatedAt > state.LastActivityAt)
        {
            state.LastActivityAt = mention.CreatedAt;
            state.ObservedAt = wallNow;
        }

        if (!isShare)
        {
            TrackResponse(state, mention, item.Label, closed);
        }
    }

    /// <summary>Event time in the conversation: its latest activity plus the wall time since that was seen.</summary>
    public static DateTimeOffset EventNow(ConversationGrainState state, DateTimeOffset wallNow) =>
        state.LastActivityAt is { } latest ? ResponseSla.EventNow(latest, state.ObservedAt ?? wallNow, wallNow) : wallNow;

    public static bool Exists(ConversationGrainState state) => state.Messages > 0 || state.Shares > 0;

    /// <summary>The reach forecaster as the stored state left it.</summary>
    public static CascadeForecaster Forecaster(ConversationGrainState state) =>
        state.Forecast is { } saved ? new CascadeForecaster(saved.ToAnalytics()) : new CascadeForecaster();

    public static ConversationSummary Summarize(ConversationGrainState state, CascadeForecaster forecast, string conversationId, DateTimeOffset wallNow)
    {
        var now = EventNow(state, wallNow);
        var wait = state.Wait;
        return new ConversationSummary
        {
            ConversationId = conversationId,
            Topics = [.. state.Topics.Order(StringComparer.Ordinal)],
            Messages = state.Messages,
            Shares = state.Shares,
            Participants = state.ParticipantIds.Count + state.ParticipantsBeyondTracked,
            State = state.State,
            Assignee = state.Assignee,
            AverageSentiment = state.SentimentCount == 0 ? 0 : state.SentimentSum / state.SentimentCount,
            FirstResponseSeconds = state.FirstBrandResponseAt is { } response && state.FirstCustomerMessageAt is { } asked
                ? Math.Max(0, (response - asked).TotalSeconds)
                : null,
            ForecastFinalShares = Forecast(state, forecast),
            StartedAt = state.StartedAt,
            LastActivityAt = state.LastActivityAt,
            RootAuthorId = state.RootAuthorId,
            NegativeMessages = state.NegativeMessages,
            Reach = state.Reach,
            WaitingSince = wait.Since,
            WaitingSeconds = wait.Since is { } since ? Math.Max(0, (now - since).TotalSeconds) : null,
            SlaDueAt = wait.DueAt,
            SlaBreachedAt = wait.BreachedAt ?? wait.LastBreachedAt,
            ResolvedAt = state.ResolvedAt,
            NoteCount = state.Notes.Count,
            Virality = state.Shares + (ConversationGrain.ReplyVirality * state.Replies),
        };
    }

    /// <summary>Final shares forecast at the conversation's latest activity (event time); never below what was seen.</summary>
    private static double Forecast(ConversationGrainState state, CascadeForecaster forecast)
    {
        if (state.StartedAt is not { } started || state.LastActivityAt is not { } last || forecast.Shares == 0)
        {
            return state.Shares;
        }

        return Math.Max(state.Shares, forecast.ForecastFinalShares(Math.Max(1, (last - started).TotalSeconds)));
    }

    /// <summary>First response time, the current wait and the case state (open → pending → open again).</summary>
    private static void TrackResponse(ConversationGrainState state, Mention mention, SentimentLabel label, List<ClosedWait> closed)
    {
        var wait = state.Wait;
        if (mention.AuthorIsBrand)
        {
            if (state.FirstCustomerMessageAt is { } asked && mention.CreatedAt >= asked
                && (state.FirstBrandResponseAt is null || mention.CreatedAt < state.FirstBrandResponseAt))
            {
                state.FirstBrandResponseAt = mention.CreatedAt;
            }

            if (wait.Since is { } since && mention.CreatedAt >= since)
            {
                closed.Add(new ClosedWait(since, mention.CreatedAt, wait.AuthorId ?? "", wait.AuthorFollowers, wait.Influence, wait.BreachedAt is not null));
                wait.End();
                if (state.State == ConversationState.Open)
                {
                    state.State = ConversationState.Pending;
                }
            }

            state.LastBrandReplyAt = state.LastBrandReplyAt is { } last && last > mention.CreatedAt ? last : mention.CreatedAt;
            return;
        }

        if (state.FirstCustomerMessageAt is null || mention.CreatedAt < state.FirstCustomerMessageAt)
        {
            state.FirstCustomerMessageAt = mention.CreatedAt;
        }

        if (label == SentimentLabel.Negative)
        {
            state.NegativeCustomerMessages++;
        }

        // A customer message after the brand's last reply waits for an answer; an older one was answered already.
        if (state.LastBrandReplyAt is { } replied && mention.CreatedAt <= replied)
        {
            return;
        }

        if (wait.Since is null)
        {
            wait.Start(mention.CreatedAt, mention.AuthorId, mention.AuthorFollowers);
        }
        else if (mention.CreatedAt < wait.Since)
        {
            wait.Since = mention.CreatedAt;
        }

        // The customer wrote again: the case is theirs to answer, whatever staff did before.
        state.State = ConversationState.Open;
    }

    public static void AddBounded<T>(List<T> list, T item, int max)
    {
        list.Add(item);
        if (list.Count > max)
        {
            list.RemoveAt(0);
        }
    }
}
