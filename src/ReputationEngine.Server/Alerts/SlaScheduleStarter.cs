using ReputationEngine.Grains.Sla;

namespace ReputationEngine.Server.Alerts;

/// <summary>
/// Keeps the cluster's SLA schedule active: <see cref="RefreshPeriod"/> after silo start (wake-ups left from before a
/// restart still fire) and every period after that (the schedule comes back within that time when its silo dies).
/// Not at once: right after start the cluster manifest may not list this silo's grain types yet, and a placement
/// retried through that holds up other grains' placements. New sign-ups activate the schedule anyway.
/// </summary>
public sealed class SlaScheduleStarter(IGrainFactory grains, ILogger<SlaScheduleStarter> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(30);

    /// <summary>After a failed call (silo still starting), try again this soon.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = RefreshPeriod;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = RefreshPeriod;
            try
            {
                await grains.SlaSchedule().StartAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Starting the SLA schedule failed; retrying");
                delay = RetryPeriod;
            }
        }
    }
}
