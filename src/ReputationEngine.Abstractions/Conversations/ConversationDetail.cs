namespace ReputationEngine.Abstractions.Conversations;

/// <summary>The drill-down of a case: its summary plus recent messages, sentiment trajectory, notes and participants.</summary>
[GenerateSerializer, Immutable]
public sealed record ConversationDetail(
    [property: Id(0)] ConversationSummary Summary,
    [property: Id(1)] ConversationMessage[] RecentMessages,
    [property: Id(2)] SentimentPoint[] Trajectory,
    [property: Id(3)] CaseNote[] Notes,
    [property: Id(4)] string[] ParticipantIds);
