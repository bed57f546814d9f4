using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Access;

public sealed class AccessTests : IAsyncLifetime
{
    private const int MaxAttemptsForRateLimit = 20;
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _engine.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public void EveryRoute_DeclaresAScope_OrIsAnOpenShell()
    {
        var routes = RouteCatalog.All(_engine.Services);
        Assert.Contains(routes, r => r.Pattern == "/api/mentions");
        foreach (var route in routes)
        {
            if (route.Anonymous)
            {
                Assert.True(route.Pattern == "/healthz" || (route.Method is "GET" or "HEAD" && (!RouteCatalog.IsProtectedPath(route.Pattern) || RouteCatalog.IsStaticAsset(route.Pattern))),
                    $"{route.Method} {route.Pattern} answers without a key; only /healthz and data-free static shells may.");
            }
            else
            {
                Assert.True(route.Scope is not null, $"{route.Method} {route.Pattern} declares no scope: add .RequireScope(Scopes.X).");
            }
        }
    }

    [Fact]
    public async Task EveryProtectedRoute_WithoutKey_Is401ProblemJson()
    {
        var anonymous = _engine.CreateClient(key: null);
        foreach (var route in RouteCatalog.All(_engine.Services).Where(r => !r.Anonymous))
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Url} without a key: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task EveryProtectedRoute_WithUnknownKey_Is401()
    {
        var (_, real) = await CreateKeyAsync([Scopes.Admin]);
        var forged = real[..^4] + "AAAA";
        foreach (var key in new[] { forged, "rek_000000000000_nope", "not-a-key-at-all-but-long-enough", new string('k', 5000) })
        {
            var client = _engine.CreateClient(key);
            foreach (var route in RouteCatalog.All(_engine.Services).Where(r => !r.Anonymous))
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Url} with a bad key: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task EveryProtectedRoute_WithKeyLackingScope_Is403ProblemJson()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var scope in Scopes.All)
        {
            var (_, key) = await CreateKeyAsync(RouteCatalog.AllBut(scope));
            clients[scope] = _engine.CreateClient(key);
        }

        foreach (var route in RouteCatalog.All(_engine.Services).Where(r => r.Scope is not null && !r.Anonymous))
        {
            var response = await clients[route.Scope!].SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Url} without scope {route.Scope}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(route.Scope!, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryProtectedRoute_OverTheKeysRate_Is429WithRetryAfter()
    {
        var (_, key) = await CreateKeyAsync([Scopes.Admin], ratePerSecond: 1);
        var client = _engine.CreateClient(key);
        foreach (var route in RouteCatalog.All(_engine.Services).Where(r => !r.Anonymous))
        {
            HttpResponseMessage? limited = null;
            for (var attempt = 0; attempt < MaxAttemptsForRateLimit && limited is null; attempt++)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), route.Url));
                Assert.True((int)response.StatusCode < 500, $"{route.Method} {route.Url}: {response.StatusCode}");
                limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
            }

            Assert.True(limited is not null, $"{route.Method} {route.Url} never answered 429 to a key limited to 1 request/s");
            Assert.True(int.Parse(limited!.Headers.GetValues("Retry-After").Single()) >= 1);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Keys_CreateListRevoke_RoundTrip()
    {
        var (id, key) = await CreateKeyAsync([Scopes.Read], name: "dashboard wall");
        Assert.StartsWith($"rek_{id}_", key, StringComparison.Ordinal);

        var reader = _engine.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostMentionsAsync("[]")).StatusCode);

        var listed = await _admin.GetStringAsync("/api/keys");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.Contains("dashboard wall", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^20..], listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync("/api/topics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync($"/api/keys/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"x","scopes":[]}""")]
    [InlineData("""{"name":"x","scopes":["root"]}""")]
    [InlineData("""{"name":"x","scopes":["read"],"ratePerSecond":0}""")]
    [InlineData("""{"name":"x","scopes":["read"],"ratePerSecond":"fast"}""")]
    [InlineData("""{"name":"","scopes":["read"]}""")]
    [InlineData("""{"name":"x","scopes":"read"}""")]
    [InlineData("not json")]
    public async Task CreateKey_InvalidBody_Is400ProblemJson(string body)
    {
        var response = await _admin.PostAsync("/api/keys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AccessToken_QueryParameter_OnlyCountsOnHubs()
    {
        var anonymous = _engine.CreateClient(key: null);
        var response = await anonymous.GetAsync($"/api/topics?access_token={EngineFactory.AdminKey}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_IsOpen_AndEveryResponseCarriesSecurityHeaders()
    {
        var anonymous = _engine.CreateClient(key: null);
        var health = await anonymous.GetAsync("/healthz");
        var denied = await anonymous.GetAsync("/api/topics");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        foreach (var response in new[] { health, denied })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task OpenApiAndDocs_WithReadKey_DescribeTheKeyScheme()
    {
        var (_, key) = await CreateKeyAsync([Scopes.Read]);
        var reader = _engine.CreateClient(key);
        var document = await reader.GetStringAsync("/openapi/v1.json");
        Assert.Contains("X-Api-Key", document, StringComparison.Ordinal);
        Assert.Contains("/api/mentions", document, StringComparison.Ordinal);
        var docs = await reader.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task Metrics_NeedTheMetricsScope_AndSpeakPrometheus()
    {
        var (_, metricsKey) = await CreateKeyAsync([Scopes.Metrics]);
        var (_, readKey) = await CreateKeyAsync([Scopes.Read]);
        await _admin.GetAsync("/api/topics");
        Assert.Equal(HttpStatusCode.Forbidden, (await _engine.CreateClient(readKey).GetAsync("/metrics")).StatusCode);
        var metrics = await _engine.CreateClient(metricsKey).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var text = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_last_collection_heap_size", text, StringComparison.Ordinal);
        Assert.Contains("orleans_catalog_activations", text, StringComparison.Ordinal);
    }

    private async Task<(string Id, string Key)> CreateKeyAsync(string[] scopes, int? ratePerSecond = null, string name = "test")
    {
        var response = await _admin.PostAsJsonAsync("/api/keys", new { name, scopes, ratePerSecond });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetString()!, json.GetProperty("key").GetString()!);
    }
}
