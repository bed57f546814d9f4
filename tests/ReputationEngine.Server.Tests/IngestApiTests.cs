using System.Net;
using System.Text;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests;

public sealed class IngestApiTests : IAsyncLifetime
{
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        await _client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Post_MixedBatch_AcceptsValidRejectsInvalidDropsDuplicates()
    {
        var body = Array(
            Mention("m1", "acme is great"),
            Mention("m2", "acme support is awful"),
            Mention("m1", "same id again"),
            new System.Text.Json.Nodes.JsonObject { ["id"] = "bad1", ["source"] = "twitter" },
            Mention("m3", "acme").Also(m => m["source"] = "carrier-pigeon"),
            Mention("m4", "").Also(m => m["text"] = ""),
            Mention("m5", "hello acme", secondsAfterBase: 60));

        var response = await _client.PostMentionsAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(3, json.GetProperty("accepted").GetInt32());
        Assert.Equal(1, json.GetProperty("duplicates").GetInt32());
        var rejected = json.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([3, 4, 5], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Contains("source", rejected[1].GetProperty("error").GetString());

        await _client.WaitForIngestAsync();
        var snapshot = await (await _client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(3, snapshot.GetProperty("totalMentions").GetInt64());
        Assert.Equal(300, snapshot.GetProperty("reach").GetInt64());
    }

    [Fact]
    public async Task Post_TopicIdWithTrailingNewlineAndKindsThatAreNotNames_RejectedLikeOtherBadFields()
    {
        const string KindError = "'kind' must be one of post|reply|share|quote|review";
        const string TopicError = "'topics' holds an invalid id: a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit";
        var body = Array(
            Mention("v0", "acme answered", kind: "Reply"),
            Mention("v1", "acme flags", kind: "post, reply"),
            Mention("v2", "acme number", kind: "1"),
            Mention("v3", "acme newline", topics: ["acme\n"]),
            Mention("v4", "acme padded", kind: " post "),
            Mention("v5", "acme crlf", topics: ["ok", "acme\r\n"]));

        var response = await _client.PostMentionsAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal((1, 0), (json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32()));
        Assert.Equal(
            [(1, KindError), (2, KindError), (3, TopicError), (4, KindError), (5, TopicError)],
            json.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("error").GetString()!)));

        await _client.WaitForIngestAsync();
        var topics = await (await _client.GetAsync("/api/topics")).JsonAsync();
        Assert.Equal(["acme"], topics.EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        var snapshot = await (await _client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(1, snapshot.GetProperty("totalMentions").GetInt64());
    }

    [Fact]
    public async Task Post_SameIdsInLaterRequest_CountedAsDuplicates()
    {
        var body = Array(Mention("d1", "acme one"), Mention("d2", "acme two"));
        await _client.PostMentionsAsync(body);

        var second = await (await _client.PostMentionsAsync(body)).JsonAsync();

        Assert.Equal(0, second.GetProperty("accepted").GetInt32());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32());
        await _client.WaitForIngestAsync();
        var snapshot = await (await _client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(2, snapshot.GetProperty("totalMentions").GetInt64());
    }

    [Fact]
    public async Task Post_Ndjson_AcceptsLinesAndRejectsBrokenOnes()
    {
        var ndjson = string.Join('\n', Mention("n1", "acme a").ToJsonString(), "{ not json", "", Mention("n2", "acme b").ToJsonString());

        var response = await _client.PostMentionsAsync(ndjson, "application/x-ndjson");

        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, json.GetProperty("accepted").GetInt32());
        Assert.Equal(1, json.GetProperty("rejected")[0].GetProperty("index").GetInt32());
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("\"just a string\"")]
    public async Task Post_MalformedBody_Is400ProblemJson(string body)
    {
        var response = await _client.PostMentionsAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_InvalidUtf8_Is400()
    {
        var bytes = new byte[] { (byte)'[', 0xC3, 0x28, (byte)']' };
        var response = await _client.PostAsync("/api/mentions", new ByteArrayContent(bytes) { Headers = { { "Content-Type", "application/json" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MoreThanTenThousandMentions_Is413()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("{}", 10_001)) + "]";
        var response = await _client.PostMentionsAsync(body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyOver16MiB_Is413()
    {
        var text = new string('a', 16_000);
        var builder = new StringBuilder("[");
        for (var i = 0; i < 1_100; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append(Mention($"big{i}", text).ToJsonString());
        }

        var response = await _client.PostMentionsAsync(builder.Append(']').ToString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_FarFutureAndDeepNesting_RejectedWithReasons()
    {
        var future = Mention("f1", "acme from the future");
        future["createdAt"] = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        var response = await _client.PostMentionsAsync(Array(future));
        var json = await response.JsonAsync();
        Assert.Contains("future", json.GetProperty("rejected")[0].GetProperty("error").GetString());

        var deep = "[" + new string('[', 100) + new string(']', 100) + "]";
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostMentionsAsync(deep)).StatusCode);
    }

    [Fact]
    public async Task Post_ClearlyPolarTexts_SentimentSplitIsPlausible()
    {
        await _client.PutTopicAsync("polar", new { name = "Polar", keywords = new[] { "zephyrphone" } });
        var positive = new[] { "I love my zephyrphone, it is wonderful", "zephyrphone support was excellent and so helpful", "Great camera on the zephyrphone, very happy", "The zephyrphone is amazing, best purchase ever" };
        var negative = new[] { "zephyrphone is terrible, worst phone I ever had", "I hate the zephyrphone, it broke after a day", "Awful zephyrphone support, rude and useless", "zephyrphone battery is horrible and disappointing" };
        var items = positive.Select((t, i) => Mention($"p{i}", t)).Concat(negative.Select((t, i) => Mention($"n{i}", t))).ToArray();

        await _client.PostMentionsAsync(Array(items));
        await _client.WaitForIngestAsync();

        var snapshot = await (await _client.GetAsync("/api/topics/polar/snapshot")).JsonAsync();
        Assert.Equal(8, snapshot.GetProperty("totalMentions").GetInt64());
        Assert.True(snapshot.GetProperty("positiveMentions").GetInt64() >= 3, snapshot.ToString());
        Assert.True(snapshot.GetProperty("negativeMentions").GetInt64() >= 3, snapshot.ToString());
    }
}

internal static class JsonNodeExtensions
{
    public static T Also<T>(this T node, Action<T> change)
    {
        change(node);
        return node;
    }
}
