using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

public sealed class TopicViewTests(BrowserFixture browser, ServerFixture engine) : IClassFixture<ServerFixture>
{
    private const int Minutes = 40;

    [Fact]
    public async Task TopicView_WithAnHourOfMentions_RendersChartAndIsSavedAsScreenshot()
    {
        await engine.Api.PutTopicAsync("shot-topic", "Acme Bank");
        var now = DateTimeOffset.UtcNow;
        var mentions = new List<JsonNode>();
        for (var minute = Minutes; minute > 0; minute--)
        {
            // A steady stream with a complaint wave a few minutes ago, so the chart has a shape.
            var count = minute is >= 6 and <= 9 ? 30 : 6 + (minute % 4);
            for (var i = 0; i < count; i++)
            {
                var negative = minute is >= 6 and <= 9 || i % 4 == 0;
                mentions.Add(EngineApi.Mention($"shot:{minute}:{i}",
                    negative ? "Acme Bank froze my account, awful service" : "Acme Bank app works well, thanks",
                    "shot-topic", author: $"tw:user{i}", followers: 100 + (i * 50), at: now.AddMinutes(-minute).AddSeconds(i)));
            }
        }

        await engine.Api.PostMentionsAsync([.. mentions]);
        await engine.Api.WaitForIngestAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);
        await page.Locator("[data-topic-id='shot-topic']").WaitForAsync(new() { Timeout = 20_000 });
        await page.Locator("[data-topic-id='shot-topic']").ClickAsync();

        await page.Locator(".chart canvas").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("section.topic h1")).ToHaveTextAsync("Acme Bank");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 20_000 });

        // While the view is open: the complaint wave's alert (its window marked on the chart) and a spreading thread.
        var alert = await engine.Server.Services.GetRequiredService<IGrainFactory>().GetGrain<IBrandTopicGrain>("shot-topic").RaiseAlertAsync(
            AlertKind.NegativeSpike, 8, new AlertWindow(now.AddMinutes(-9), now.AddMinutes(-5)), 120, 28,
            new AlertEvidence
            {
                Terms = ["froze", "account", "awful"],
                Conversations = ["shot:9:0"],
                Authors = ["tw:user0", "tw:user4"],
                Samples = [new AlertSample("shot:9:0", "Acme Bank froze my account, awful service")],
            });
        await engine.Api.PostMentionsAsync([.. Enumerable.Range(0, 25).Select(i => EngineApi.Mention($"shot:share:{i}",
            "Acme Bank froze my account, awful service", "shot-topic", author: $"tw:sharer{i}", kind: "share", conversationId: "shot:9:0"))]);
        await page.Locator($"[data-alert-id='{alert.Id}']").WaitForAsync(new() { Timeout = 20_000 });
        await page.Locator("[data-conversation-id='shot:9:0']").WaitForAsync(new() { Timeout = 20_000 });
        var path = Artifacts.PathFor("topic-view.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 0);
        await page.Context.CloseAsync();
    }
}
