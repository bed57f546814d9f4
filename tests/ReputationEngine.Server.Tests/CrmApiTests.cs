using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReputationEngine.Server.Storage;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests;

public sealed class CrmApiTests(SharedEngine engine) : IClassFixture<SharedEngine>
{
    private HttpClient Client => engine.Client;

    [Fact]
    public async Task Conversation_BrandReplyAfter300Seconds_FirstResponse300AndListedPending()
    {
        await Client.PutTopicAsync("crm-acme", new { name = "Acme", keywords = new[] { "acme" }, brandHandles = new[] { "tw:acmecare" } });
        await Client.PostMentionsAsync(Array(
            Mention("h1", "acme lost my parcel, this is terrible", author: "tw:kim"),
            Mention("h2", "Sorry Kim, we are on it", author: "tw:acmecare", secondsAfterBase: 300, conversationId: "h1", kind: "reply")));
        await Client.WaitForIngestAsync();

        var conversation = await (await Client.GetAsync("/api/conversations/h1")).JsonAsync();
        Assert.Equal(300, conversation.GetProperty("firstResponseSeconds").GetDouble());
        Assert.Equal("pending", conversation.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, conversation.GetProperty("waitingSince").ValueKind);
        Assert.Equal(2, conversation.GetProperty("recentMessages").GetArrayLength());
        Assert.Equal(2, conversation.GetProperty("trajectory").GetArrayLength());
        Assert.True(conversation.GetProperty("recentMessages")[0].GetProperty("isBrand").GetBoolean());

        var pending = await Eventually.ReturnsAsync(
            async () => await (await Client.GetAsync("/api/topics/crm-acme/conversations?state=pending&sort=waiting")).JsonAsync(),
            list => list.EnumerateArray().Any(c => c.GetProperty("conversationId").GetString() == "h1"),
            "h1 in the pending list");
        Assert.All(pending.EnumerateArray(), c => Assert.Equal("pending", c.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Customer_RepeatedComplaints_DetractorWithReasonsAndFirstByRisk()
    {
        await Client.PutTopicAsync("crm-risk", new { name = "Risky", keywords = new[] { "globex" } });
        await Client.PostMentionsAsync(Array(
            Mention("g1", "globex is terrible, worst service ever", author: "tw:grumpy", secondsAfterBase: 0),
            Mention("g2", "globex broke again, awful and useless", author: "tw:grumpy", secondsAfterBase: 3600),
            Mention("g3", "I hate globex, horrible support, never again", author: "tw:grumpy", secondsAfterBase: 7200),
            Mention("g4", "globex still broken, this is the worst", author: "tw:grumpy", secondsAfterBase: 10800),
            Mention("g5", "globex is great, I love the new app, thank you", author: "tw:happy", secondsAfterBase: 60, followers: 5000)));
        await Client.WaitForIngestAsync();

        var grumpy = await (await Client.GetAsync("/api/customers/tw:grumpy")).JsonAsync();
        Assert.Contains(grumpy.GetProperty("segment").GetString(), new[] { "detractor", "atRisk" });
        Assert.Contains(grumpy.GetProperty("segmentReasons").EnumerateArray(), r => r.GetString()!.Contains("negative mentions", StringComparison.Ordinal));
        Assert.Equal("crm-risk", grumpy.GetProperty("topics")[0].GetString());
        Assert.InRange(grumpy.GetProperty("influence").GetDouble(), 0, 1);

        var byRisk = await Eventually.ReturnsAsync(
            async () => await (await Client.GetAsync("/api/topics/crm-risk/customers?sort=risk")).JsonAsync(),
            list => list.GetArrayLength() == 2,
            "both customers listed");
        Assert.Equal("tw:grumpy", byRisk[0].GetProperty("customerId").GetString());
        var byInfluence = await (await Client.GetAsync("/api/topics/crm-risk/customers?sort=influence")).JsonAsync();
        Assert.Equal("tw:happy", byInfluence[0].GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Conversation_AssignNoteResolve_ReflectedAndValidated()
    {
        await Client.PostMentionsAsync(Array(Mention("k1", "initrode refund still missing, awful", author: "tw:case", topics: ["crm-cases"])));
        await Client.WaitForIngestAsync();

        var assigned = await (await Client.PostAsJsonAsync("/api/conversations/k1/assign", new { assignee = "alice" })).JsonAsync();
        Assert.Equal("alice", assigned.GetProperty("assignee").GetString());
        var empty = await Client.PostAsJsonAsync("/api/conversations/k1/notes", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        var noted = await (await Client.PostAsJsonAsync("/api/conversations/k1/notes", new { text = "Called her, refund on its way", author = "bob" })).JsonAsync();
        Assert.Equal(1, noted.GetProperty("noteCount").GetInt32());
        var resolved = await Client.PostAsync("/api/conversations/k1/resolve", null);
        Assert.Equal("resolved", (await resolved.JsonAsync()).GetProperty("state").GetString());

        var detail = await (await Client.GetAsync("/api/conversations/k1")).JsonAsync();
        Assert.Equal("resolved", detail.GetProperty("state").GetString());
        Assert.Equal("alice", detail.GetProperty("assignee").GetString());
        Assert.Equal("Called her, refund on its way", detail.GetProperty("notes")[0].GetProperty("text").GetString());
        var list = await (await Client.GetAsync("/api/topics/crm-cases/conversations?state=resolved")).JsonAsync();
        Assert.Equal("k1", Assert.Single(list.EnumerateArray()).GetProperty("conversationId").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync("/api/conversations/nobody-said-this/assign", new { assignee = "alice" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/topics/crm-cases/conversations?sort=loudest")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/api/topics/crm-cases/customers?sort=loudest")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/topics/never-defined/customers")).StatusCode);
    }

    [Fact]
    public async Task Sla_CustomerStillWaitingPastDue_RaisesOneBreachInEventTime()
    {
        await Client.PutTopicAsync("crm-sla", new { name = "Sla", keywords = new[] { "umbrella" }, alerting = new Dictionary<string, double> { ["slaFirstResponseMinutes"] = 30 } });
        await Client.PostMentionsAsync(Array(
            Mention("u1", "umbrella charged me twice, this is terrible", author: "tw:waiter"),
            Mention("u2", "umbrella, hello? still waiting, awful", author: "tw:waiter", secondsAfterBase: 45 * 60, conversationId: "u1", kind: "reply"),
            Mention("u3", "umbrella nobody answers, worst company", author: "tw:waiter", secondsAfterBase: 90 * 60, conversationId: "u1", kind: "reply")));
        await Client.WaitForIngestAsync();

        var conversation = await (await Client.GetAsync("/api/conversations/u1")).JsonAsync();
        Assert.Equal(Mentions.BaseTime.AddMinutes(30), conversation.GetProperty("slaBreachedAt").GetDateTimeOffset());
        Assert.Equal(Mentions.BaseTime, conversation.GetProperty("waitingSince").GetDateTimeOffset());
        var snapshot = await (await Client.GetAsync("/api/topics/crm-sla/snapshot")).JsonAsync();
        Assert.Equal(1, snapshot.GetProperty("openAlerts").GetInt32());
        var alerts = await (await Client.GetAsync("/api/alerts?topic=crm-sla")).JsonAsync();
        var alert = Assert.Single(alerts.EnumerateArray());
        Assert.Equal("slaBreach", alert.GetProperty("kind").GetString());
        Assert.Equal("open", alert.GetProperty("state").GetString());
        Assert.Equal(1, alert.GetProperty("version").GetInt64());
        Assert.Equal("u1", alert.GetProperty("evidence").GetProperty("conversations")[0].GetString());
    }

    [Fact]
    public async Task Customer_Erase_LeavesNoTextInStorage()
    {
        const string secret = "acme-account-ZX4471-secret";
        const string other = "we-are-on-it-care-reply";
        await Client.PostMentionsAsync(Array(
            Mention("e1", $"acme {secret} is broken, terrible", author: "tw:forget-me", topics: ["crm-erase"]),
            Mention("e2", $"acme {other}", author: "tw:acmecare2", isBrand: true, secondsAfterBase: 60, conversationId: "e1", kind: "reply", topics: ["crm-erase"]),
            Mention("e3", $"acme {secret} again", author: "tw:forget-me", secondsAfterBase: 120, conversationId: "e1", kind: "reply", topics: ["crm-erase"])));
        await Client.WaitForIngestAsync();
        Assert.True(await CountRowsWithAsync("mention_log", "payload", secret) > 0);

        var erase = await Client.DeleteAsync("/api/customers/tw:forget-me");
        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);

        Assert.Equal(0, await CountRowsWithAsync("mention_log", "payload", secret));
        Assert.Equal(0, await CountRowsWithAsync("grain_state", "payload", secret));
        // The conversation's state was written, with the brand's text still in it.
        Assert.True(await CountRowsWithAsync("grain_state", "payload", other) > 0);

        var customer = await (await Client.GetAsync("/api/customers/tw:forget-me")).JsonAsync();
        Assert.Equal(2, customer.GetProperty("mentions").GetInt64());
        Assert.Equal(0, customer.GetProperty("recentMentions").GetArrayLength());
        Assert.True(customer.GetProperty("erased").GetBoolean());
        var conversation = await (await Client.GetAsync("/api/conversations/e1")).JsonAsync();
        Assert.Equal(3, conversation.GetProperty("messages").GetInt64());
        Assert.DoesNotContain(secret, conversation.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(other, conversation.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<long> CountRowsWithAsync(string table, string column, string text)
    {
        // The engine's own way in: on SQLite the mention log is a file of its own.
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(engine.Factory.DataDir));
        await using var connection = table == "mention_log" ? database.OpenLog() : database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table} WHERE instr(CAST({column} AS BLOB), @text) > 0";
        command.Parameters.AddWithValue("@text", Encoding.UTF8.GetBytes(text));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
