using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Grains.Alerts;
using ReputationEngine.Grains.Dashboard;

namespace ReputationEngine.Server.Dashboard;

/// <summary>Forwards every durable alert change to dashboards (Opened becomes alertRaised, the rest alertUpdated).</summary>
public sealed class DashboardAlertListener(IGrainFactory grains) : IAlertListener
{
    public Task OnAlertChangedAsync(AlertChange change) => grains.DashboardNotifier().AlertChangedAsync(change);
}
