using Orleans.Concurrency;

namespace ReputationEngine.Abstractions.Dashboard;

/// <summary>One per silo: receives batches of dashboard updates and hands them to that silo's SignalR clients.</summary>
public interface IDashboardObserver : IGrainObserver
{
    /// <summary>Delivers one batch; one-way, because a slow or dead silo must not hold up the notifier.</summary>
    [OneWay]
    Task OnUpdatesAsync(DashboardUpdates updates);
}
