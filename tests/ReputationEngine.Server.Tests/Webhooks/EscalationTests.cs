using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Server.Tests.Infrastructure;
using ReputationEngine.Server.Webhooks;

namespace ReputationEngine.Server.Tests.Webhooks;

public sealed class EscalationTests
{
    private const int FirstDelaySeconds = 300;
    private const int SecondDelaySeconds = 600;

    [Fact]
    public async Task Escalation_UnacknowledgedAlert_ClimbsLevelsAndAcknowledgedOneStops()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var team = new WebhookReceiver(WebhookTestKit.Secret) { Tolerance = null };
        await using var lead = new WebhookReceiver(WebhookTestKit.Secret) { Tolerance = null };
        await using var pager = new WebhookReceiver(WebhookTestKit.Secret) { Tolerance = null };
        foreach (var receiver in new[] { team, lead, pager })
        {
            await receiver.StartAsync();
        }

        await using var root = new EngineFactory(EngineFactory.NewDataDir(), WebhookTestKit.Settings());
        await using var engine = root.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddKeyedSingleton<TimeProvider>(WebhookOptions.ClockKey, clock)));
        var client = engine.CreateClient();
        await client.RegisterAsync(team.Url, topics: ["esc"]);
        // The escalation levels subscribe to no topic themselves: they hear only what is escalated to them.
        var leadId = await client.RegisterAsync(lead.Url, topics: ["nothing-here"]);
        var pagerId = await client.RegisterAsync(pager.Url, topics: ["nothing-here"]);
        var policy = await client.PutAsJsonAsync("/api/topics/esc/escalation", new
        {
            levels = new[]
            {
                new { delaySeconds = FirstDelaySeconds, webhooks = new[] { leadId } },
                new { delaySeconds = SecondDelaySeconds, webhooks = new[] { pagerId } },
            },
        });
        Assert.True(policy.IsSuccessStatusCode, await policy.Content.ReadAsStringAsync());

        var ignored = await WebhookTestKit.RaiseAsync(engine.Services, "esc", AlertKind.VolumeSpike);
        var handled = await WebhookTestKit.RaiseAsync(engine.Services, "esc", AlertKind.NegativeSpike);
        await team.WaitForAsync(r => r.Count == 2);
        (await client.PostAsync($"/api/alerts/{handled.Id}/acknowledge", null)).EnsureSuccessStatusCode();

        clock.Advance(TimeSpan.FromSeconds(FirstDelaySeconds - 1));
        Assert.Empty(lead.Received);
        clock.Advance(TimeSpan.FromSeconds(2));
        var toLead = await lead.WaitForAsync(r => r.Count >= 1);
        Assert.Equal("alert.escalated", toLead[0].Event);
        var escalated = JsonDocument.Parse(toLead[0].Body).RootElement;
        Assert.Equal(ignored.Id, escalated.GetProperty("id").GetString());
        Assert.Equal(1, escalated.GetProperty("escalationLevel").GetInt32());

        clock.Advance(TimeSpan.FromSeconds(SecondDelaySeconds + 1));
        var toPager = await pager.WaitForAsync(r => r.Count >= 1);
        Assert.Equal("alert.escalated", toPager[0].Event);
        Assert.Equal(2, JsonDocument.Parse(toPager[0].Body).RootElement.GetProperty("escalationLevel").GetInt32());

        // The acknowledged alert was due at the same moments as the ignored one: by now it would have arrived.
        Assert.All(lead.Received.Concat(pager.Received), r => Assert.DoesNotContain(handled.Id, r.Body, StringComparison.Ordinal));
        Assert.Single(lead.Received);
        Assert.Single(pager.Received);
    }
}
