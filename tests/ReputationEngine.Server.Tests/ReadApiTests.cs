using System.Net;
using System.Net.Http.Json;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests;

public sealed class ReadApiTests : IAsyncLifetime
{
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Topics_PutThenList_ReturnsDefinition()
    {
        await _client.PutTopicAsync("globex", new { name = "Globex", keywords = new[] { "globex" }, hashtags = new[] { "globexfail" }, brandHandles = new[] { "@GlobexHelp" } });

        var topics = await (await _client.GetAsync("/api/topics")).JsonAsync();
        var globex = topics.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "globex");
        Assert.Equal("Globex", globex.GetProperty("name").GetString());
        Assert.Equal("globexfail", globex.GetProperty("hashtags")[0].GetString());
    }

    [Theory]
    [InlineData("bad id")]
    [InlineData("-starts-with-dash")]
    public async Task Topics_InvalidId_Is400(string id)
    {
        var response = await _client.PutAsJsonAsync($"/api/topics/{Uri.EscapeDataString(id)}", new { name = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("acme\n")]
    [InlineData("acme\r\n")]
    public async Task Topics_IdWithTrailingNewline_Is400ProblemLikeOtherBadIds(string id)
    {
        var put = await _client.PutAsJsonAsync($"/api/topics/{Uri.EscapeDataString(id)}", new { name = "x", keywords = new[] { "acme" } });
        var get = await _client.GetAsync($"/api/topics/{Uri.EscapeDataString(id)}/snapshot");

        foreach (var response in new[] { put, get })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.Equal(("Invalid topic id", "a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit"),
                (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        }

        var topics = await (await _client.GetAsync("/api/topics")).JsonAsync();
        Assert.DoesNotContain(topics.EnumerateArray(), t => t.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Snapshot_UnknownTopic_Is404Problem()
    {
        var response = await _client.GetAsync("/api/topics/nobody-defined-this/snapshot");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ExplicitUnknownTopic_CreatesTopicWithDefaults()
    {
        await _client.PostMentionsAsync(Array(Mention("x1", "no keywords needed", topics: ["brand-new"])));
        await _client.WaitForIngestAsync();

        var snapshot = await (await _client.GetAsync("/api/topics/brand-new/snapshot")).JsonAsync();
        Assert.Equal(1, snapshot.GetProperty("totalMentions").GetInt64());
        var topics = await (await _client.GetAsync("/api/topics")).JsonAsync();
        Assert.Contains(topics.EnumerateArray(), t => t.GetProperty("id").GetString() == "brand-new");
    }

    [Fact]
    public async Task CustomerAndConversation_AfterThread_ShowCountsAndFirstResponse()
    {
        await _client.PutTopicAsync("initech", new { name = "Initech", keywords = new[] { "initech" }, brandHandles = new[] { "tw:initechcare" } });
        await _client.PostMentionsAsync(Array(
            Mention("c1", "initech lost my order, this is terrible", author: "tw:bob", followers: 5000),
            Mention("c2", "initech still nothing?", author: "tw:bob", secondsAfterBase: 120, conversationId: "c1", kind: "reply"),
            Mention("c3", "Sorry Bob, we are on it", author: "tw:initechcare", secondsAfterBase: 300, conversationId: "c1", kind: "reply"),
            Mention("c4", "initech lost my order, this is terrible", author: "tw:amy", secondsAfterBase: 310, kind: "share").Also(m => m["sharedId"] = "c1")));
        await _client.WaitForIngestAsync();

        var bob = await (await _client.GetAsync("/api/customers/tw:bob")).JsonAsync();
        Assert.Equal(2, bob.GetProperty("mentions").GetInt64());
        Assert.Equal("neutral", bob.GetProperty("segment").GetString());
        Assert.Contains("initech", bob.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));

        var conversation = await (await _client.GetAsync("/api/conversations/c1")).JsonAsync();
        Assert.Equal(3, conversation.GetProperty("messages").GetInt64());
        Assert.Equal(1, conversation.GetProperty("shares").GetInt64());
        Assert.Equal(3, conversation.GetProperty("participants").GetInt32());
        Assert.Equal(300, conversation.GetProperty("firstResponseSeconds").GetDouble());
        Assert.Equal("pending", conversation.GetProperty("state").GetString()); // answered by the brand: waiting on the customer
    }

    [Fact]
    public async Task TimeSeries_PerSecondStep_PutsEventsInTheirBuckets()
    {
        await _client.PostMentionsAsync(Array(
            Mention("t1", "a", topics: ["series"], secondsAfterBase: 0),
            Mention("t2", "b", topics: ["series"], secondsAfterBase: 2),
            Mention("t3", "c", topics: ["series"], secondsAfterBase: 2),
            Mention("t4", "late one", topics: ["series"], secondsAfterBase: 1)));
        await _client.WaitForIngestAsync();

        var from = Uri.EscapeDataString(BaseTime.ToString("O"));
        var to = Uri.EscapeDataString(BaseTime.AddSeconds(3).ToString("O"));
        var series = await (await _client.GetAsync($"/api/topics/series/timeseries?from={from}&to={to}&step=1s")).JsonAsync();

        Assert.Equal([1L, 1L, 2L, 0L], series.EnumerateArray().Select(p => p.GetProperty("mentions").GetInt64()));
    }

    [Fact]
    public async Task Customer_Unknown_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/customers/tw:nobody")).StatusCode);
    }

    [Fact]
    public async Task Healthz_Answers()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
    }
}
