using System.Net;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests;

/// <summary>Query parameters that name a state or an order take exactly one name, in any letter case, and nothing else.</summary>
public sealed class QueryNamesTests : IAsyncLifetime
{
    private const string Topic = "query-names";
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        await _client.PutTopicAsync(Topic, new { name = "Query names" });
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Theory]
    [InlineData("/api/alerts?state=", "open", "OPEN")]
    [InlineData("/api/webhooks/wh-none/deliveries?state=", "pending", "Pending")]
    [InlineData($"/api/topics/{Topic}/customers?sort=", "influence", "RISK")]
    [InlineData($"/api/topics/{Topic}/conversations?sort=", "waiting", "Virality")]
    [InlineData($"/api/topics/{Topic}/conversations?state=", "open", "Pending")]
    public async Task QueryName_AnythingButOneName_IsAProblem(string prefix, string name, string otherCase)
    {
        // Enum.TryParse took all of these: numbers, padding, and comma lists (which combine into another value).
        foreach (var bad in new[] { "2", "+1", $" {name}", $"{name},{otherCase}", $"{name}, {otherCase}", "exploded" })
        {
            var response = await _client.GetAsync(prefix + Uri.EscapeDataString(bad));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{prefix}{bad} gave {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        // The names themselves, in any letter case, pass validation (the webhook does not exist: 404, not 400).
        foreach (var good in new[] { name, otherCase })
        {
            var response = await _client.GetAsync(prefix + good);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{prefix}{good} gave {(int)response.StatusCode}");
        }
    }
}
