using System.Text.Json;
using ReputationEngine.LoadTests.Engine;

namespace ReputationEngine.LoadTests.Alerts;

/// <summary>Polls GET /api/alerts; its latency is bounded below by <see cref="Interval"/>, so it is the fallback channel.</summary>
public sealed class AlertApiPoller(EngineClient client, AlertCollector collector)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (await client.GetAlertsAsync(cancellationToken) is not { } alerts)
                {
                    continue;
                }

                collector.MarkAvailable(AlertChannels.Api);
                var items = alerts.ValueKind == JsonValueKind.Array ? alerts
                    : alerts.TryGetProperty("items", out var wrapped) ? wrapped : default;
                if (items.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var alert in items.EnumerateArray())
                {
                    collector.Add(AlertChannels.Api, alert);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
