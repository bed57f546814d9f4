using ReputationEngine.Abstractions.Dashboard;

namespace ReputationEngine.Grains.Dashboard;

/// <summary>One-line hooks for grains that report changes to dashboards.</summary>
public static class DashboardNotifications
{
    /// <summary>This silo's dashboard notifier (a stateless worker, so always local).</summary>
    public static IDashboardNotifierGrain DashboardNotifier(this IGrainFactory grains) =>
        grains.GetGrain<IDashboardNotifierGrain>(IDashboardNotifierGrain.Key);
}
