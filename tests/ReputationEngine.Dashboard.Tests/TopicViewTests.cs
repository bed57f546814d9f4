using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

public sealed class TopicViewTests(BrowserFixture browser, ServerFixture engine) : IClassFixture<ServerFixture>
{
    private const string Topic = "acme-bank";

    /// <summary>
    /// An hour of realistic traffic through the API, the view opened, then a live influencer complaint that the
    /// detector reports and the crowd shares. Saves artifacts/dashboard/topic-view.png (docs/dashboard.png is a copy).
    /// </summary>
    [Fact]
    public async Task TopicView_WithAnHourOfMentions_RendersChartAndIsSavedAsScreenshot()
    {
        var response = await engine.Api.PutAsJsonAsync($"/api/topics/{Topic}", new
        {
            name = "Acme Bank", keywords = new[] { "acme bank" }, hashtags = new[] { "acmebank" }, brandHandles = new[] { BrandHour.BrandHandle },
        });
        response.EnsureSuccessStatusCode();
        var hour = new BrandHour(Topic, DateTimeOffset.UtcNow);
        // Minute by minute, as live traffic arrives, so the detector opens the outage's alerts with the outage's evidence.
        foreach (var minute in hour.HistoryByMinute())
        {
            await engine.Api.PostMentionsAsync([.. minute.Cast<JsonNode>()]);
            await engine.Api.WaitForIngestAsync();
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);
        await page.Locator($"[data-topic-id='{Topic}']").ClickAsync(new() { Timeout = 20_000 });
        await page.Locator(".chart canvas").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("section.topic h1")).ToHaveTextAsync("Acme Bank");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 20_000 });

        // While the view is open: the columnist's complaint is detected and spreads.
        await engine.Api.PostMentionsAsync([.. hour.InfluencerComplaint().Cast<JsonNode>()]);
        var influencer = page.Locator(".alert-feed [data-alert-id]").Filter(new() { HasText = "Influencer complaint" });
        await influencer.First.WaitForAsync(new() { Timeout = 20_000 });
        await page.Locator($"[data-conversation-id='{BrandHour.ComplaintThread}']").WaitForAsync(new() { Timeout = 20_000 });

        // The outage found by the detector itself, its thread, and the CRM lists filled from the history.
        await Assertions.Expect(page.Locator(".alert-feed [data-alert-id]").Filter(new() { HasText = "spike" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-conversation-id='{BrandHour.OutageThread}']")).ToBeVisibleAsync();
        var customerLists = page.Locator("ul.customers");
        await Assertions.Expect(customerLists.Nth(0).Locator("li:not(.muted)").First).ToBeVisibleAsync();
        await Assertions.Expect(customerLists.Nth(1).Locator("li:not(.muted)").First).ToBeVisibleAsync();

        // The chart redraws at most every 2 s on pushes; let it take in the live minute before the picture.
        await page.WaitForTimeoutAsync(2_500);
        var path = Artifacts.PathFor("topic-view.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 0);
        await page.Context.CloseAsync();
    }
}
