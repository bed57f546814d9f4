using ReputationEngine.Abstractions.Dashboard;

namespace ReputationEngine.Grains.Dashboard;

/// <summary>
/// In-memory list of the hub observers of every silo. It needs no storage: each silo re-registers its observer
/// periodically, so a reactivated list fills again. Silos that left the cluster are dropped on every read.
/// </summary>
public sealed class DashboardHubListGrain(IClusterMembershipService membership) : Grain, IDashboardHubListGrain
{
    private readonly Dictionary<SiloAddress, IDashboardObserver> _hubs = [];

    public Task AddHubAsync(SiloAddress silo, IDashboardObserver observer)
    {
        _hubs[silo] = observer;
        return Task.CompletedTask;
    }

    public Task<IDashboardObserver[]> GetHubsAsync()
    {
        var members = membership.CurrentSnapshot;
        foreach (var silo in _hubs.Keys.ToArray())
        {
            if (members.GetSiloStatus(silo) is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping)
            {
                _hubs.Remove(silo);
            }
        }

        return Task.FromResult(_hubs.Values.ToArray());
    }
}
