namespace ReputationEngine.Abstractions.Conversations;

/// <summary>A conversation (thread) as a case (DESIGN §4.3a).</summary>
[GenerateSerializer, Immutable]
public sealed record ConversationSummary
{
    [Id(0)] public required string ConversationId { get; init; }
    [Id(1)] public string[] Topics { get; init; } = [];
    [Id(2)] public long Messages { get; init; }
    [Id(3)] public long Shares { get; init; }
    [Id(4)] public int Participants { get; init; }
    [Id(5)] public ConversationState State { get; init; }
    [Id(6)] public string? Assignee { get; init; }
    [Id(7)] public double AverageSentiment { get; init; }
    [Id(8)] public double? FirstResponseSeconds { get; init; }
    [Id(9)] public double ForecastFinalShares { get; init; }
    [Id(10)] public DateTimeOffset? StartedAt { get; init; }
    [Id(11)] public DateTimeOffset? LastActivityAt { get; init; }
    [Id(12)] public string? RootAuthorId { get; init; }
    [Id(13)] public long NegativeMessages { get; init; }
    [Id(14)] public long Reach { get; init; }
    /// <summary>The first customer message the brand has not answered yet (event time); null when nobody waits.</summary>
    [Id(15)] public DateTimeOffset? WaitingSince { get; init; }
    /// <summary>How long the customer has waited so far, in the conversation's event-time clock.</summary>
    [Id(16)] public double? WaitingSeconds { get; init; }
    /// <summary>When the first response is due under the topic's SLA; null when no SLA applies.</summary>
    [Id(17)] public DateTimeOffset? SlaDueAt { get; init; }
    /// <summary>When the current wait breached its SLA (event time); null when it has not.</summary>
    [Id(18)] public DateTimeOffset? SlaBreachedAt { get; init; }
    [Id(19)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(20)] public int NoteCount { get; init; }
    /// <summary>Sort key for "spreading": the larger of observed and forecast shares, plus replies.</summary>
    [Id(21)] public double Virality { get; init; }
}
