using System.Diagnostics;
using System.Text.Json;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Webhooks;

/// <summary>
/// Measures alert → first delivery attempt at a real receiver (docs/benchmarks.md, "Webhook delivery").
/// Reports figures; asserts only that every alert arrived (no timed assertions).
/// </summary>
public sealed class WebhookLatencyMeasurement
{
    private const int Alerts = 200;

    [Fact]
    public async Task Delivery_Latency_Reported()
    {
        await using var receiver = new WebhookReceiver(WebhookTestKit.Secret);
        await receiver.StartAsync();
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), WebhookTestKit.Settings());
        var client = engine.CreateClient();
        await client.RegisterAsync(receiver.Url);
        await WebhookTestKit.RaiseAsync(engine.Services, "warmup");
        await receiver.WaitForAsync(r => r.Count == 1);

        var raisedAt = new Dictionary<string, long>();
        for (var i = 0; i < Alerts; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var alert = await WebhookTestKit.RaiseAsync(engine.Services, $"latency{i}");
            raisedAt[alert.Id] = started;
        }

        var received = await receiver.WaitForAsync(r => r.Count == Alerts + 1, TimeSpan.FromMinutes(2));
        var latencies = received
            .Select(r => (Id: JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()!, r.ArrivedAt))
            .Where(r => raisedAt.ContainsKey(r.Id))
            .Select(r => Stopwatch.GetElapsedTime(raisedAt[r.Id], r.ArrivedAt).TotalMilliseconds)
            .Order()
            .ToArray();
        Assert.Equal(Alerts, latencies.Length);
        var report = $"webhook delivery latency (alert raised → receiver got first attempt), n={Alerts}: " +
            $"p50={Percentile(latencies, 0.50):0.0} ms p95={Percentile(latencies, 0.95):0.0} ms p99={Percentile(latencies, 0.99):0.0} ms max={latencies[^1]:0.0} ms";
        TestContext.Current.SendDiagnosticMessage(report);
        var output = Environment.GetEnvironmentVariable("WEBHOOK_LATENCY_OUT");
        if (!string.IsNullOrEmpty(output))
        {
            await File.WriteAllTextAsync(output, report + Environment.NewLine, TestContext.Current.CancellationToken);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
