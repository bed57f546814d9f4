namespace ReputationEngine.Abstractions.Dashboard;

/// <summary>SignalR contract of <c>/hubs/dashboard</c> (DESIGN §4.5): server-to-client method names and the group of a topic.</summary>
public static class DashboardMessages
{
    public const string HubPath = "/hubs/dashboard";
    public const string TopicUpdated = "topicUpdated";
    public const string AlertRaised = "alertRaised";
    public const string AlertUpdated = "alertUpdated";
    public const string ConversationUpdated = "conversationUpdated";

    public static string TopicGroup(string topicId) => $"topic:{topicId}";
}
