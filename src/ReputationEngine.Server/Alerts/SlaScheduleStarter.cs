using ReputationEngine.Grains.Sla;

namespace ReputationEngine.Server.Alerts;

/// <summary>
/// Keeps the cluster's SLA schedule active: at silo start (wake-ups left from before a restart still fire) and every
/// <see cref="RefreshPeriod"/> after (the schedule comes back within that time when the silo it lived on dies).
/// </summary>
public sealed class SlaScheduleStarter(IGrainFactory grains, ILogger<SlaScheduleStarter> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(30);

    /// <summary>After a failed call (silo still starting), try again this soon.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = RefreshPeriod;
            try
            {
                await grains.SlaSchedule().StartAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Starting the SLA schedule failed; retrying");
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
