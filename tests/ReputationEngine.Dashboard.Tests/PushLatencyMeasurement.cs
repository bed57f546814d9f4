using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

/// <summary>
/// Measures push latency, alert decided (its <c>detectedAt</c>, wall clock) → alert element in the browser's DOM,
/// and writes p50/p99 to artifacts/dashboard/push-latency.json. A measurement, not a test: explicit only, no
/// assertions on time. Run: <c>dotnet run -c Release --project tests/ReputationEngine.Dashboard.Tests -- -explicit only -class "*PushLatencyMeasurement"</c>.
/// </summary>
public sealed class PushLatencyMeasurement(BrowserFixture browser, ServerFixture engine, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const int Warmup = 10;
    private const int Samples = 300;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Records when each alert element first appears, on the browser's clock (the same machine's wall clock).
    private const string Observe = """
        () => {
          window.__seen = {};
          new MutationObserver(() => {
            for (const node of document.querySelectorAll('[data-alert-id]')) {
              const id = node.dataset.alertId;
              if (!(id in window.__seen)) window.__seen[id] = performance.timeOrigin + performance.now();
            }
          }).observe(document.body, { childList: true, subtree: true });
        }
        """;

    [Fact(Explicit = true)]
    public async Task AlertDecidedToBrowser_Latency()
    {
        await engine.Api.PutTopicAsync("latency-topic", "Latency Topic");
        var grain = engine.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IBrandTopicGrain>("latency-topic");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);
        await page.Locator("[data-topic-id='latency-topic']").ClickAsync(new() { Timeout = 20_000 });
        await page.Locator(".chart canvas").WaitForAsync(new() { Timeout = 20_000 });
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        await page.EvaluateAsync(Observe);

        var latencies = new List<double>();
        for (var i = 0; i < Warmup + Samples; i++)
        {
            var now = DateTimeOffset.UtcNow;
            var alert = await grain.RaiseAlertAsync(AlertKind.VolumeSpike, 5, new AlertWindow(now.AddMinutes(-1), now), 100, 10, AlertEvidence.None);
            await page.Locator($"[data-alert-id='{alert.Id}']").WaitForAsync(new() { Timeout = 20_000 });
            var seen = await page.EvaluateAsync<double>($"() => window.__seen[{JsonSerializer.Serialize(alert.Id)}]");
            if (i >= Warmup)
            {
                latencies.Add(seen - alert.DetectedAt.ToUnixTimeMilliseconds());
            }

            await grain.ResolveAlertKindAsync(AlertKind.VolumeSpike);
        }

        latencies.Sort();
        var result = new
        {
            samples = latencies.Count,
            p50Ms = Percentile(latencies, 0.50),
            p90Ms = Percentile(latencies, 0.90),
            p99Ms = Percentile(latencies, 0.99),
            maxMs = latencies[^1],
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
        };
        var json = JsonSerializer.Serialize(result, Indented);
        output.WriteLine(json);
        await File.WriteAllTextAsync(Artifacts.PathFor("push-latency.json"), json);
        await page.Context.CloseAsync();
    }

    private static double Percentile(List<double> sorted, double q) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
}
