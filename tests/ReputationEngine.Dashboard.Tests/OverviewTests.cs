using Microsoft.Playwright;
using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

public sealed class OverviewTests(BrowserFixture browser, ServerFixture engine) : IClassFixture<ServerFixture>
{
    private static readonly LocatorWaitForOptions Visible = new() { State = WaitForSelectorState.Visible, Timeout = 20_000 };

    [Fact]
    public async Task Overview_DefinedTopic_ShowsCardWithCounts()
    {
        await engine.Api.PutTopicAsync("card-topic", "Card Topic");
        await engine.Api.PostMentionsAsync(
            EngineApi.Mention("card:1", "Card Topic is great, love it", "card-topic"),
            EngineApi.Mention("card:2", "Card Topic support was awful", "card-topic"));
        await engine.Api.WaitForIngestAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);

        var card = page.Locator("[data-topic-id='card-topic']");
        await card.WaitForAsync(Visible);
        Assert.Contains("Card Topic", await card.InnerTextAsync());
        await Assertions.Expect(card.Locator(".stat .value").First).ToHaveTextAsync("2", new() { Timeout = 20_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Overview_MentionsPostedWhileOpen_CardUpdatesWithoutReload()
    {
        await engine.Api.PutTopicAsync("live-topic", "Live Topic");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);
        await page.Locator("[data-topic-id='live-topic']").WaitForAsync(Visible);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 20_000 });

        await engine.Api.PostMentionsAsync([.. Enumerable.Range(0, 5).Select(i => EngineApi.Mention($"live:{i}", "Live Topic news", "live-topic"))]);

        // Pushed by topicUpdated: the page is not reloaded.
        await Assertions.Expect(page.Locator("[data-topic-id='live-topic'] .stat .value").First).ToHaveTextAsync("5", new() { Timeout = 20_000 });
        await page.Context.CloseAsync();
    }
}
