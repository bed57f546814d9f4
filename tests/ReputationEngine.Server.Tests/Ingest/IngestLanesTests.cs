using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Server.Ingest;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests.Ingest;

/// <summary>
/// The ingest applies topics (detection, alerts, topic dashboards) in a lane of their own, ahead of customers and
/// conversations: a slow CRM must not hold detection back, and what the topics applied ahead of the checkpoint must not be
/// counted twice when the log is replayed.
/// </summary>
public sealed class IngestLanesTests
{
    private const int Count = 60;

    [Fact]
    public async Task CaseLaneHeld_TopicsCountEveryMention_ThenCustomersCatchUpWhenReleased()
    {
        var gate = GrainCallGate.CaseLane();
        await using var engine = new EngineFactory(EngineFactory.NewDataDir()) { ConfigureServices = s => s.AddSingleton<IIncomingGrainCallFilter>(gate) };
        var client = engine.CreateClient();
        await client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
        Assert.Equal(Count, (await (await client.PostMentionsAsync(Batch())).JsonAsync()).GetProperty("accepted").GetInt32());

        var status = await Eventually.ReturnsAsync(
            async () => await (await client.GetAsync("/api/ingest/status")).JsonAsync(),
            s => s.GetProperty("topicsApplied").GetInt64() == Count && gate.Held > 0, "the topics to apply every mention");
        Assert.Equal(0, status.GetProperty("applied").GetInt64());
        Assert.Equal(Count, status.GetProperty("pending").GetInt64());
        var snapshot = await (await client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(Count, snapshot.GetProperty("totalMentions").GetInt64());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/customers/tw:lane3")).StatusCode);

        gate.Release();
        await client.WaitForIngestAsync();
        var customer = await (await client.GetAsync("/api/customers/tw:lane3")).JsonAsync();
        Assert.Equal(Count / 6, customer.GetProperty("mentions").GetInt64());
        snapshot = await (await client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(Count, snapshot.GetProperty("totalMentions").GetInt64());
        await Eventually.ReturnsAsync(
            async () => await (await client.GetAsync("/api/ingest/status")).JsonAsync(),
            s => s.GetProperty("checkpointed").GetInt64() == Count, "everything checkpointed once both lanes applied it");
    }

    [Fact]
    public async Task StoppedWithTheCaseLaneBehind_NextStartAppliesTheCustomers_AndTopicsDoNotCountTwice()
    {
        var dataDir = EngineFactory.NewDataDir();
        // The log partition is named after the silo port: the same port makes the second engine the first one restarted.
        var samePartition = new Dictionary<string, string> { ["Orleans:SiloPort"] = FreePorts.Next().ToString() };
        var gate = GrainCallGate.CaseLane();
        await using (var first = new EngineFactory(dataDir, samePartition) { ConfigureServices = s => s.AddSingleton<IIncomingGrainCallFilter>(gate) })
        {
            var client = first.CreateClient();
            await client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
            Assert.Equal(Count, (await (await client.PostMentionsAsync(Batch())).JsonAsync()).GetProperty("accepted").GetInt32());
            await Eventually.ReturnsAsync(
                async () => await (await client.GetAsync("/api/ingest/status")).JsonAsync(),
                s => s.GetProperty("topicsApplied").GetInt64() == Count && gate.Held > 0, "the topics to apply every mention");
            // Let the topics' idle checkpoint write their state (ahead of the log checkpoint, which the case lane holds at 0).
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            var status = await (await client.GetAsync("/api/ingest/status")).JsonAsync();
            Assert.Equal(0, status.GetProperty("checkpointSequence").GetInt64());
            gate.Abort();
        }

        await using var second = new EngineFactory(dataDir, samePartition);
        var again = second.CreateClient();
        await again.WaitForIngestAsync();
        var replayed = await (await again.GetAsync("/api/ingest/status")).JsonAsync();
        Assert.True(Count == replayed.GetProperty("replayedAtStart").GetInt64(), replayed.ToString());
        var snapshot = await (await again.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(Count, snapshot.GetProperty("totalMentions").GetInt64());
        var customer = await (await again.GetAsync("/api/customers/tw:lane3")).JsonAsync();
        Assert.Equal(Count / 6, customer.GetProperty("mentions").GetInt64());
    }

    [Fact]
    public async Task TopicLaneARoundBehind_IngestWaits_ButNeverStops()
    {
        var gate = GrainCallGate.TopicLane();
        await using var engine = new EngineFactory(EngineFactory.NewDataDir()) { ConfigureServices = s => s.AddSingleton<IIncomingGrainCallFilter>(gate) };
        var client = engine.CreateClient();
        await client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
        // The topic lane holds its first batch: one more mention than a log-writer round puts it too far behind.
        var behind = MentionDispatcher.MaxTopicLagBeforeIngestWaits + 1;
        for (var sent = 0; sent < behind; sent += IngestLimits.MaxMentionsPerRequest)
        {
            var count = Math.Min(IngestLimits.MaxMentionsPerRequest, behind - sent);
            Assert.Equal(count, (await (await client.PostMentionsAsync(Bulk(sent, count))).JsonAsync()).GetProperty("accepted").GetInt32());
        }

        var waiting = client.PostMentionsAsync(Bulk(behind, 1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted, "the request should wait while the topics are a round behind");

        // Still held: after MaxTopicLaneWait the log takes the mentions anyway, so a stalled lane never stops ingest.
        var response = await waiting.WaitAsync(MentionDispatcher.MaxTopicLaneWait + TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await response.JsonAsync()).GetProperty("accepted").GetInt32());
        Assert.True(gate.Held > 0);
        Assert.Equal(0, (await (await client.GetAsync("/api/ingest/status")).JsonAsync()).GetProperty("topicsApplied").GetInt64());

        gate.Release();
        await client.WaitForIngestAsync();
        var snapshot = await (await client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(behind + 1, snapshot.GetProperty("totalMentions").GetInt64());
    }

    private static string Bulk(int first, int count) =>
        Array([.. Enumerable.Range(first, count).Select(i => (JsonNode)Mention($"bulk{i}", "acme order late", author: $"tw:bulk{i % 50}", secondsAfterBase: i % 3600))]);

    private static string Batch() =>
        Array([.. Enumerable.Range(0, Count).Select(i => (JsonNode)Mention($"lane{i}", $"acme parcel {i} is late", author: $"tw:lane{i % 6}", secondsAfterBase: i))]);
}
