using System.Net;
using System.Net.Http.Json;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Webhooks;

public sealed class WebhooksApiTests : IAsyncLifetime
{
    // No allow-list: only public addresses may be registered.
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://[::1]:9/hook")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("ftp://93.184.215.14/hook")]
    public async Task Register_NonPublicOrInvalidUrl_RefusedWithProblem(string url)
    {
        var response = await _client.PostAsJsonAsync("/api/webhooks", new { url, secret = WebhookTestKit.Secret });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Register_InvalidFields_RefusedWithProblem()
    {
        const string url = "http://93.184.215.14/hook";
        object[] bodies =
        [
            new { url },
            new { url, secret = "short" },
            new { url, secret = WebhookTestKit.Secret, minSeverity = 11 },
            new { url, secret = WebhookTestKit.Secret, events = new[] { "alert.exploded" } },
            new { url, secret = WebhookTestKit.Secret, topics = new[] { "bad topic" } },
        ];
        foreach (var body in bodies)
        {
            var response = await _client.PostAsJsonAsync("/api/webhooks", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Webhook_CreateListGetDelete_NeverShowsSecret()
    {
        var created = await _client.PostAsJsonAsync("/api/webhooks", new
        {
            url = "https://93.184.215.14/hook", secret = WebhookTestKit.Secret, topics = new[] { "acme" }, minSeverity = 5,
            events = new[] { "alert.opened", "alert.escalated" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(WebhookTestKit.Secret, body, StringComparison.Ordinal);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;

        var listed = await _client.GetStringAsync("/api/webhooks");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookTestKit.Secret, listed, StringComparison.Ordinal);
        var one = await (await _client.GetAsync($"/api/webhooks/{id}")).JsonAsync();
        Assert.Equal(5, one.GetProperty("minSeverity").GetInt32());
        Assert.False(one.TryGetProperty("secret", out _));
        Assert.Empty((await (await _client.GetAsync($"/api/webhooks/{id}/deliveries?state=failed")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/webhooks/{id}/deliveries?state=lost")).StatusCode);

        var policy = await _client.PutAsJsonAsync("/api/topics/acme/escalation", new { levels = new[] { new { delaySeconds = 60, webhooks = new[] { "wh_unknown" } } } });
        Assert.Equal(HttpStatusCode.BadRequest, policy.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
    }
}
