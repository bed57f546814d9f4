using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_KeepsStateAndStillDropsResentIds()
    {
        var dataDir = EngineFactory.NewDataDir();
        var batch = Array(Enumerable.Range(0, 50).Select(i => (System.Text.Json.Nodes.JsonNode)Mention($"r{i}", $"acme mention {i}", author: $"tw:user{i % 5}", secondsAfterBase: i)).ToArray());

        await using (var first = new EngineFactory(dataDir))
        {
            var client = first.CreateClient();
            await client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
            var accepted = await (await client.PostMentionsAsync(batch)).JsonAsync();
            Assert.Equal(50, accepted.GetProperty("accepted").GetInt32());
            await client.WaitForIngestAsync();
        }

        await using var second = new EngineFactory(dataDir);
        var again = second.CreateClient();
        var snapshot = await (await again.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(50, snapshot.GetProperty("totalMentions").GetInt64());
        var customer = await (await again.GetAsync("/api/customers/tw:user3")).JsonAsync();
        Assert.Equal(10, customer.GetProperty("mentions").GetInt64());
        // The topic's lists come back from their rows (written when the first engine's grains deactivated).
        var customers = await (await again.GetAsync("/api/topics/acme/customers?limit=100")).JsonAsync();
        Assert.Equal(["tw:user0", "tw:user1", "tw:user2", "tw:user3", "tw:user4"],
            customers.EnumerateArray().Select(c => c.GetProperty("customerId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(10, customers.EnumerateArray().Single(c => c.GetProperty("customerId").GetString() == "tw:user3").GetProperty("mentions").GetInt64());
        var cases = await (await again.GetAsync("/api/topics/acme/conversations?limit=100")).JsonAsync();
        Assert.Equal(50, cases.GetArrayLength());

        var resent = await (await again.PostMentionsAsync(batch)).JsonAsync();
        Assert.Equal(0, resent.GetProperty("accepted").GetInt32());
        Assert.Equal(50, resent.GetProperty("duplicates").GetInt32());
        await again.WaitForIngestAsync();
        snapshot = await (await again.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(50, snapshot.GetProperty("totalMentions").GetInt64());
    }
}
