using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests.Fuzz;

/// <summary>
/// Thousands of mutated and hostile requests to every write route (and hostile ids and queries to the read routes):
/// no 5xx, every error problem+json, valid items of mixed batches accepted, and the engine healthy afterwards.
/// Deterministic (fixed seed) and bounded in time.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const int Seed = 20261122;
    private const int Requests = 2_400;
    private const int Workers = 8;

    /// <summary>A loaded CI machine still gets through this many; a quiet one sends all of <see cref="Requests"/>.</summary>
    private const int MinimumRequests = 500;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(35);

    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task HostileRequests_NeverFail5xx_KeepValidItems_LeaveEngineHealthy()
    {
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            var input = new HostileInput(Seed + worker);
            for (var i = worker; i < Requests && clock.Elapsed < Budget; i += Workers)
            {
                var failure = await SendOneAsync(input, i);
                if (failure is not null)
                {
                    failures.Enqueue(failure);
                }

                Interlocked.Increment(ref sent);
            }
        }));

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.True(sent >= MinimumRequests, $"only {sent} hostile requests fit in the budget");

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
        var clean = await _client.PostMentionsAsync(Array(
            Mention("after-1", "still standing", topics: ["after"]), Mention("after-2", "all good", topics: ["after"])));
        Assert.Equal(HttpStatusCode.Accepted, clean.StatusCode);
        Assert.Equal(2, (await clean.JsonAsync()).GetProperty("accepted").GetInt32());
        await _client.WaitForIngestAsync(TimeSpan.FromSeconds(60));
        var snapshot = await (await _client.GetAsync("/api/topics/after/snapshot")).JsonAsync();
        Assert.Equal(2, snapshot.GetProperty("totalMentions").GetInt64());
    }

    private async Task<string?> SendOneAsync(HostileInput input, int index)
    {
        var random = input.Random;
        var expectValid = new List<int>();
        HttpRequestMessage request;
        switch (random.Next(10))
        {
            case 0 or 1 or 2:
                request = MixedArray(input, index, expectValid);
                break;
            case 3 or 4:
                request = MixedNdjson(input, index, expectValid);
                break;
            case 5:
                request = Body(HttpMethod.Post, "/api/mentions", random.Next(2) == 0
                    ? input.MutateBytes(Array(Mention($"mut-{index}", "acme mutated")))
                    : input.PathologicalBody(), random.Next(2) == 0 ? "application/json" : "application/x-ndjson");
                break;
            case 6:
                request = Body(HttpMethod.Put, $"/api/topics/fuzz{index % 50}", random.Next(2) == 0
                    ? input.MutateBytes("""{"name":"Fuzz","keywords":["acme","fuzz"],"hashtags":["x"],"alerting":{"volume":3}}""")
                    : input.PathologicalBody(), "application/json");
                break;
            case 7:
                request = Body(HttpMethod.Post, "/api/keys", random.Next(2) == 0
                    ? input.MutateBytes("""{"name":"fuzz","scopes":["read"],"ratePerSecond":5}""")
                    : input.PathologicalBody(), "application/json");
                break;
            case 8:
                request = new HttpRequestMessage(random.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Delete,
                    $"/api/customers/{Uri.EscapeDataString(input.PathInjection() + index)}");
                break;
            default:
                request = new HttpRequestMessage(HttpMethod.Get,
                    $"/api/topics/{Uri.EscapeDataString(input.PathInjection())}x/timeseries?from={Uri.EscapeDataString(input.Injection())}&step={Uri.EscapeDataString(input.Injection())}");
                break;
        }

        var sentBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
        var description = $"#{index} {request.Method} {request.RequestUri} {sentBody[..Math.Min(sentBody.Length, 400)]}";
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException)
        {
            return $"{description}: transport failed: {ex.Message}";
        }

        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{description}: {status} {await response.Content.ReadAsStringAsync()}";
        }

        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{description}: {status} without problem+json";
        }

        if (expectValid.Count > 0)
        {
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return $"{description}: mixed batch answered {status}";
            }

            var json = await response.JsonAsync();
            var rejected = json.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).ToHashSet();
            if (expectValid.FirstOrDefault(rejected.Contains, -1) is var lost and >= 0)
            {
                return $"{description}: valid item {lost} was rejected: {json}";
            }
        }

        return null;
    }

    private static HttpRequestMessage MixedArray(HostileInput input, int index, List<int> expectValid)
    {
        var items = new JsonArray();
        var count = input.Random.Next(2, 12);
        for (var i = 0; i < count; i++)
        {
            var valid = Mention($"fz-{index}-{i}", $"acme fuzz {input.AcceptableInjection()}", author: $"tw:fuzz{index % 7}", topics: ["fuzz"]);
            if (input.Random.Next(3) == 0)
            {
                expectValid.Add(i);
                items.Add(valid);
            }
            else
            {
                items.Add(input.Random.Next(4) == 0 ? JsonValue.Create(input.Injection()) : input.CorruptMention(valid));
            }
        }

        return Body(HttpMethod.Post, "/api/mentions", Encoding.UTF8.GetBytes(items.ToJsonString()), "application/json");
    }

    private static HttpRequestMessage MixedNdjson(HostileInput input, int index, List<int> expectValid)
    {
        var lines = new List<byte[]>();
        var count = input.Random.Next(2, 12);
        for (var i = 0; i < count; i++)
        {
            var valid = Mention($"fn-{index}-{i}", "acme over ndjson", topics: ["fuzz"]).ToJsonString();
            if (input.Random.Next(3) == 0)
            {
                expectValid.Add(i);
                lines.Add(Encoding.UTF8.GetBytes(valid));
            }
            else
            {
                // A broken line must not swallow its neighbours: keep newlines out of the mutation.
                var broken = input.MutateBytes(valid).Where(b => b != (byte)'\n').ToArray();
                lines.Add(broken.AsSpan().Trim(" \t\r"u8).IsEmpty ? "{"u8.ToArray() : broken);
            }
        }

        var body = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
        return Body(HttpMethod.Post, "/api/mentions", body, "application/x-ndjson");
    }

    private static HttpRequestMessage Body(HttpMethod method, string url, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(method, url) { Content = content };
    }
}
