using Microsoft.AspNetCore.SignalR;
using ReputationEngine.Abstractions.Dashboard;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Hubs;

/// <summary>
/// <c>/hubs/dashboard</c> (DESIGN §4.5): a client subscribes to the topics it shows and receives
/// <c>topicUpdated</c>, <c>alertRaised</c>, <c>alertUpdated</c> and <c>conversationUpdated</c> for them.
/// </summary>
public sealed class DashboardHub : Hub
{
    public async Task Subscribe(string topicId)
    {
        if (!TopicIds.IsValid(topicId))
        {
            throw new HubException($"Invalid topic id. {TopicIds.Rule}");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, DashboardMessages.TopicGroup(topicId));
    }

    public async Task Unsubscribe(string topicId)
    {
        if (TopicIds.IsValid(topicId))
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, DashboardMessages.TopicGroup(topicId));
        }
    }
}
