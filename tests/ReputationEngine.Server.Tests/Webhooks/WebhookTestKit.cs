using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Webhooks;

/// <summary>Engine settings and helpers the webhook tests share: loopback allowed, fast retries, a short poll.</summary>
public static class WebhookTestKit
{
    public const string Secret = "test-secret-0123456789";

    public static Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Webhooks:FirstRetryDelay"] = "00:00:00.100",
            ["Webhooks:MaxRetryDelay"] = "00:00:00.400",
            ["Webhooks:BreakerBreakDuration"] = "00:00:00.500",
            ["Webhooks:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<string> RegisterAsync(this HttpClient client, string url, string[]? topics = null, string[]? events = null)
    {
        var response = await client.PostAsJsonAsync("/api/webhooks", new { url, secret = Secret, topics = topics ?? [], minSeverity = 1, events = events ?? [] });
        var body = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<Alert> RaiseAsync(IServiceProvider services, string topic, AlertKind kind = AlertKind.VolumeSpike)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var now = DateTimeOffset.UtcNow;
        return await grains.GetGrain<IBrandTopicGrain>(topic).RaiseAlertAsync(
            kind, 6, new AlertWindow(now.AddMinutes(-1), now), 50, 5, new AlertEvidence { Terms = ["outage"] });
    }
}
