namespace ReputationEngine.Abstractions.Dashboard;

/// <summary>
/// The silos that host dashboard hubs (key: <see cref="Key"/>), each with its observer. Follows cluster
/// membership: observers of silos that are no longer active are dropped.
/// </summary>
public interface IDashboardHubListGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Registers (or refreshes) the observer of <paramref name="silo"/>.</summary>
    Task AddHubAsync(SiloAddress silo, IDashboardObserver observer);

    /// <summary>The observers of every active silo.</summary>
    Task<IDashboardObserver[]> GetHubsAsync();
}
