using ReputationEngine.Abstractions.Dashboard;

namespace ReputationEngine.Server.Dashboard;

/// <summary>
/// Registers this silo's <see cref="DashboardObserver"/> in the hub list, and again every
/// <see cref="RefreshPeriod"/> so the list recovers when its grain is reactivated or moves. Short: while a second silo
/// joins, the list grain can briefly exist twice and the copy that survives may lack this silo's hub; until the next
/// registration this silo's dashboards get no pushes.
/// </summary>
public sealed class DashboardHubRegistrar(
    IGrainFactory grains, ILocalSiloDetails silo, DashboardObserver observer, ILogger<DashboardHubRegistrar> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>After a failed registration (silo still starting), try again this soon.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The reference must outlive each registration: the hub list holds it between refreshes.
        var reference = grains.CreateObjectReference<IDashboardObserver>(observer);
        var list = grains.GetGrain<IDashboardHubListGrain>(IDashboardHubListGrain.Key);
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = RefreshPeriod;
            try
            {
                await list.AddHubAsync(silo.SiloAddress, reference);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Registering the dashboard hub of {Silo} failed; retrying", silo.SiloAddress);
                delay = RetryPeriod;
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
