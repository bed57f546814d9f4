using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Abstractions.Dashboard;

/// <summary>One batch of changes for dashboards, sent to every silo's hub.</summary>
[GenerateSerializer, Immutable]
public sealed record DashboardUpdates(
    [property: Id(0)] TopicSnapshot[] Topics,
    [property: Id(1)] AlertChange[] Alerts,
    [property: Id(2)] ConversationSummary[] Conversations);
