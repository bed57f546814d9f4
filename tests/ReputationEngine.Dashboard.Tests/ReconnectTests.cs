using Microsoft.Playwright;
using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

public sealed class ReconnectTests(BrowserFixture browser)
{
    [Fact]
    public async Task Dashboard_ServerRestarts_ReconnectsAndReceivesUpdatesAgain()
    {
        var first = DashboardServer.Start();
        var dataDir = first.DataDir;
        var port = first.Port;
        using (var api = first.Api())
        {
            await api.PutTopicAsync("restart-topic", "Restart Topic");
        }

        var page = await browser.NewPageAsync();
        await page.GotoAsync(first.DashboardUrl);
        await page.Locator("[data-topic-id='restart-topic']").WaitForAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 20_000 });

        await first.DisposeAsync();
        await Assertions.Expect(page.Locator("#connection")).Not.ToHaveTextAsync("live", new() { Timeout = 20_000 });

        await using var second = DashboardServer.Start(dataDir, port);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
        using var again = second.Api();
        await again.PostMentionsAsync(EngineApi.Mention("restart:1", "Restart Topic is back", "restart-topic"));

        // The update after the restart arrives over the new connection, with no reload by the test.
        await Assertions.Expect(page.Locator("[data-topic-id='restart-topic'] .stat .value").First).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await page.Context.CloseAsync();
    }
}
