using Microsoft.AspNetCore.SignalR;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Dashboard;
using ReputationEngine.Server.Hubs;

namespace ReputationEngine.Server.Dashboard;

/// <summary>This silo's observer: fans a batch out to the SignalR clients connected here, by topic group.</summary>
public sealed class DashboardObserver(IHubContext<DashboardHub> hub, ILogger<DashboardObserver> logger) : IDashboardObserver
{
    public async Task OnUpdatesAsync(DashboardUpdates updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var sends = new List<Task>(updates.Topics.Length + updates.Alerts.Length + updates.Conversations.Length);
        foreach (var change in updates.Alerts)
        {
            var method = change.Event == AlertEvent.Opened ? DashboardMessages.AlertRaised : DashboardMessages.AlertUpdated;
            sends.Add(Group(change.Alert.TopicId).SendAsync(method, AlertJson.ToDocument(change.Alert)));
        }

        foreach (var snapshot in updates.Topics)
        {
            sends.Add(Group(snapshot.TopicId).SendAsync(DashboardMessages.TopicUpdated, snapshot));
        }

        foreach (var summary in updates.Conversations)
        {
            foreach (var topic in summary.Topics)
            {
                sends.Add(Group(topic).SendAsync(DashboardMessages.ConversationUpdated, summary));
            }
        }

        try
        {
            await Task.WhenAll(sends);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending dashboard updates to SignalR clients failed");
        }
    }

    private IClientProxy Group(string topicId) => hub.Clients.Group(DashboardMessages.TopicGroup(topicId));
}
