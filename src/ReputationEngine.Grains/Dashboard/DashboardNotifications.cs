using ReputationEngine.Abstractions.Dashboard;
using ReputationEngine.Grains.Ingest;

namespace ReputationEngine.Grains.Dashboard;

/// <summary>One-line hooks for grains that report changes to dashboards.</summary>
public static class DashboardNotifications
{
    /// <summary>This silo's dashboard notifier (a stateless worker, so always local).</summary>
    public static IDashboardNotifierGrain DashboardNotifier(this IGrainFactory grains) =>
        grains.GetCachedGrain<IDashboardNotifierGrain>(IDashboardNotifierGrain.Key);
}
