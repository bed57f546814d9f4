using ReputationEngine.Dashboard.Tests.Infrastructure;

namespace ReputationEngine.Dashboard.Tests;

public sealed class SafetyTests(BrowserFixture browser, ServerFixture engine) : IClassFixture<ServerFixture>
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"> look at this <script>window.__xss=2</script>";

    [Fact]
    public async Task MentionText_ContainingHtml_IsShownAsTextAndNeverRuns()
    {
        await engine.Api.PutTopicAsync("xss-topic", "Xss Topic");
        await engine.Api.PostMentionsAsync(EngineApi.Mention("xss:1", Payload, "xss-topic", author: "tw:mallory"));
        await engine.Api.WaitForIngestAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync(engine.Server.DashboardUrl);
        await page.Locator("[data-topic-id='xss-topic']").WaitForAsync(new() { Timeout = 20_000 });
        await page.GotoAsync($"{engine.Server.BaseAddress}#/customers/tw%3Amallory");

        var text = page.Locator("[data-mention-id='xss:1'] .text");
        await text.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(Payload, await text.TextContentAsync());
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DashboardPage_Served_HasStrictContentSecurityPolicy()
    {
        using var client = new HttpClient { BaseAddress = engine.Server.BaseAddress };
        var response = await client.GetAsync("/");

        response.EnsureSuccessStatusCode();
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_WithoutKey_IsRefused()
    {
        using var client = new HttpClient { BaseAddress = engine.Server.BaseAddress };

        var response = await client.GetAsync("/api/topics");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
