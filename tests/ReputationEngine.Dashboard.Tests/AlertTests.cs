using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

public sealed class AlertTests(BrowserFixture browser, ServerFixture engine, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const string Complaint = "<b>Acme</b> froze my account, awful";

    [Fact]
    public async Task AlertRaised_WhileTopicViewIsOpen_AppearsWithEvidenceWithoutReload()
    {
        await engine.Api.PutTopicAsync("alert-topic", "Alert Topic");
        var page = await OpenTopicAsync("alert-topic");

        var clock = Stopwatch.StartNew();
        var alert = await RaiseAsync("alert-topic");
        var element = page.Locator($"[data-alert-id='{alert.Id}']");
        await element.WaitForAsync(new() { Timeout = 20_000 });
        output.WriteLine($"alert element visible {clock.ElapsedMilliseconds} ms after the alert was recorded");

        Assert.Contains("Volume spike", await element.InnerTextAsync());
        Assert.Equal(Complaint, await element.Locator(".sample").First.TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task BurstPostedThroughTheApi_AfterCalmHistory_ShowsAsAlertElement()
    {
        await engine.Api.PutTopicAsync("burst-topic", "Burst Topic");
        var now = DateTimeOffset.UtcNow;
        // 45 calm minutes (3 mentions a minute) give the detector its baseline.
        await engine.Api.PostMentionsAsync([.. Enumerable.Range(0, 45 * 3).Select(i => (JsonNode)EngineApi.Mention(
            $"calm:{i}", $"burst-topic store visit {i % 7}", "burst-topic", author: $"tw:c{i % 40}", at: now.AddMinutes(-46).AddSeconds(i * 20)))]);
        await engine.Api.WaitForIngestAsync();
        var page = await OpenTopicAsync("burst-topic");

        var clock = Stopwatch.StartNew();
        await engine.Api.PostMentionsAsync([.. Enumerable.Range(0, 150).Select(i => (JsonNode)EngineApi.Mention(
            $"burst:{i}", "burst-topic app outage again, cannot log in", "burst-topic", author: $"tw:b{i}", at: now.AddSeconds(-(i % 50))))]);

        var alert = page.Locator(".alert-feed [data-alert-id]").Filter(new() { HasText = "Volume spike" });
        await alert.First.WaitForAsync(new() { Timeout = 20_000 });
        output.WriteLine($"burst alert visible {clock.ElapsedMilliseconds} ms after the burst was posted");
        Assert.Contains("outage", await alert.First.InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AcknowledgeButton_Clicked_ChangesTheAlertThroughTheApi()
    {
        await engine.Api.PutTopicAsync("ack-topic", "Ack Topic");
        var alert = await RaiseAsync("ack-topic");
        var page = await OpenTopicAsync("ack-topic");
        var element = page.Locator($"[data-alert-id='{alert.Id}']");
        await element.WaitForAsync(new() { Timeout = 20_000 });

        await element.Locator("button.acknowledge").ClickAsync();

        await Assertions.Expect(element.Locator(".alert-state")).ToHaveTextAsync("acknowledged", new() { Timeout = 20_000 });
        var stored = await engine.Api.GetFromJsonAsync<JsonElement>($"/api/alerts/{Uri.EscapeDataString(alert.Id)}");
        Assert.Equal("acknowledged", stored.GetProperty("state").GetString());
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenTopicAsync(string topicId)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);
        await page.Locator($"[data-topic-id='{topicId}']").ClickAsync(new() { Timeout = 20_000 });
        await page.Locator(".chart canvas").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        return page;
    }

    /// <summary>Raises an alert the way the topic's detector does (through the grain and the durable ledger).</summary>
    private async Task<Alert> RaiseAsync(string topicId)
    {
        var grains = engine.Server.Services.GetRequiredService<IGrainFactory>();
        var now = DateTimeOffset.UtcNow;
        var evidence = new AlertEvidence { Terms = ["froze", "account"], Authors = ["tw:angry"], Samples = [new AlertSample("m1", Complaint)] };
        return await grains.GetGrain<IBrandTopicGrain>(topicId)
            .RaiseAlertAsync(AlertKind.VolumeSpike, 7, new AlertWindow(now.AddMinutes(-2), now), 120, 10, evidence);
    }
}
