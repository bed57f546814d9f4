using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Conversations;

[GenerateSerializer]
public sealed class ConversationGrainState
{
    [Id(0)] public HashSet<string> Topics { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public long Messages { get; set; }
    [Id(2)] public long Shares { get; set; }
    /// <summary>Distinct authors, at most <see cref="ConversationGrain.MaxTrackedParticipants"/> tracked by id.</summary>
    [Id(3)] public HashSet<string> ParticipantIds { get; set; } = new(StringComparer.Ordinal);
    [Id(4)] public int ParticipantsBeyondTracked { get; set; }
    [Id(5)] public ConversationState State { get; set; }
    [Id(6)] public string? Assignee { get; set; }
    [Id(7)] public double SentimentSum { get; set; }
    [Id(8)] public long SentimentCount { get; set; }
    [Id(9)] public long NegativeMessages { get; set; }
    [Id(10)] public DateTimeOffset? StartedAt { get; set; }
    [Id(11)] public DateTimeOffset? LastActivityAt { get; set; }
    [Id(12)] public string? RootAuthorId { get; set; }
    [Id(13)] public DateTimeOffset? FirstBrandResponseAt { get; set; }
    [Id(14)] public DateTimeOffset? FirstCustomerMessageAt { get; set; }
    [Id(15)] public long Reach { get; set; }
    [Id(16)] public AppliedWatermarks Applied { get; set; } = new();
    /// <summary>Newest last, at most <see cref="ConversationGrain.MaxRecentMessages"/>; texts go with their author's erasure.</summary>
    [Id(17)] public List<ConversationMessage> RecentMessages { get; set; } = [];
    /// <summary>Newest last, at most <see cref="ConversationGrain.MaxTrajectory"/>.</summary>
    [Id(18)] public List<SentimentPoint> Trajectory { get; set; } = [];
    /// <summary>Oldest first, at most <see cref="ConversationGrain.MaxNotes"/>.</summary>
    [Id(19)] public List<CaseNote> Notes { get; set; } = [];
    [Id(20)] public WaitState Wait { get; set; } = new();
    [Id(21)] public DateTimeOffset? LastBrandReplyAt { get; set; }
    [Id(22)] public long NegativeCustomerMessages { get; set; }
    /// <summary>Wall-clock time at which <see cref="LastActivityAt"/> was seen (drives the event-time clock in silence).</summary>
    [Id(23)] public DateTimeOffset? ObservedAt { get; set; }
    [Id(24)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(25)] public long Replies { get; set; }
    /// <summary>Engagement not yet credited to the root author (sent in batches at checkpoints).</summary>
    [Id(26)] public PendingCredit PendingCredit { get; set; } = new();
    /// <summary>The share cascade for the reach forecast (bounded by the forecaster).</summary>
    [Id(27)] public ForecastState? Forecast { get; set; }
}
