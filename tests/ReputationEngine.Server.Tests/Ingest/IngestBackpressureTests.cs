using System.Text.Json.Nodes;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests.Ingest;

/// <summary>
/// Applying waits for a checkpoint once too much applied work is not checkpointed (<c>Ingest__MaxUncheckpointedMentions</c>),
/// so under overload a crash replays a bounded amount and unwritten state stays bounded. The wait must lose nothing.
/// </summary>
public sealed class IngestBackpressureTests
{
    [Fact]
    public async Task PastTheUncheckpointedBound_ApplyingWaitsForACheckpoint_AndEveryMentionIsCounted()
    {
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), new Dictionary<string, string>
        {
            ["Ingest:MaxUncheckpointedMentions"] = "100",
        });
        var client = engine.CreateClient();
        await client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
        const int Requests = 8;
        const int PerRequest = 150;
        await Task.WhenAll(Enumerable.Range(0, Requests).Select(async r =>
        {
            var batch = Array([.. Enumerable.Range(0, PerRequest).Select(i => (JsonNode)Mention(
                $"bp{r}-{i}", $"acme order {r}-{i} is late again", author: $"tw:bp{i % 40}", secondsAfterBase: r * PerRequest + i, topics: ["acme"]))]);
            var response = await client.PostMentionsAsync(batch);
            Assert.Equal(PerRequest, (await response.JsonAsync()).GetProperty("accepted").GetInt32());
        }));

        await client.WaitForIngestAsync(TimeSpan.FromSeconds(60));
        var snapshot = await (await client.GetAsync("/api/topics/acme/snapshot")).JsonAsync();
        Assert.Equal(Requests * PerRequest, snapshot.GetProperty("totalMentions").GetInt64());

        var status = await (await client.GetAsync("/api/ingest/status")).JsonAsync();
        Assert.True(status.GetProperty("checkpointWaits").GetInt64() >= 1, $"applying never waited for a checkpoint: {status}");
        // The idle checkpoint covers the rest.
        await Eventually.ReturnsAsync(
            async () => await (await client.GetAsync("/api/ingest/status")).JsonAsync(),
            now => now.GetProperty("checkpointed").GetInt64() == Requests * PerRequest,
            "every applied mention checkpointed");
    }

    [Fact]
    public async Task ANonPositiveBound_IsRefusedAtStart_WithTheSettingNamed()
    {
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), new Dictionary<string, string>
        {
            ["Ingest:MaxUncheckpointedMentions"] = "0",
        });
        var refused = Assert.ThrowsAny<Exception>(() => engine.CreateClient());
        Assert.Contains("Ingest__MaxUncheckpointedMentions must be positive", refused.ToString());
    }
}
