using System.Text.Json.Nodes;
using ReputationEngine.Server.Tests.Infrastructure;
using ReputationEngine.Server.Tests.Webhooks;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests;

public sealed class DetectionFlowTests : IAsyncLifetime
{
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir());
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        await _client.PutTopicAsync("umbrella", new { name = "Umbrella", keywords = new[] { "umbrella" } });
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Burst_AfterCalmHistory_OpensOneVolumeSpikeWithEvidence()
    {
        // 45 minutes of calm chatter (3 a minute), then 150 mentions about an outage inside one minute.
        var calm = Enumerable.Range(0, 45 * 3).Select(i => (JsonNode)Mention($"calm{i}", $"umbrella store visit {i % 7}", author: $"tw:c{i % 40}", secondsAfterBase: i * 20));
        await _client.PostMentionsAsync(Array([.. calm]));
        var burstStart = 45 * 60;
        var burst = Enumerable.Range(0, 150).Select(i => (JsonNode)Mention($"burst{i}", "umbrella app outage again, cannot log in", author: $"tw:b{i}", secondsAfterBase: burstStart + (i % 50)));
        await _client.PostMentionsAsync(Array([.. burst]));
        await _client.WaitForIngestAsync();

        var alerts = await (await _client.GetAsync("/api/alerts?topic=umbrella")).JsonAsync();
        var volume = alerts.EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "volumeSpike").ToList();
        Assert.Single(volume);
        var alert = volume[0];
        Assert.Equal("open", alert.GetProperty("state").GetString());
        Assert.InRange(alert.GetProperty("severity").GetInt32(), 1, 10);
        Assert.True(alert.GetProperty("observed").GetDouble() > alert.GetProperty("expected").GetDouble());
        var terms = alert.GetProperty("evidence").GetProperty("terms").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("outage", terms);
        Assert.NotEmpty(alert.GetProperty("evidence").GetProperty("samples").EnumerateArray());

        var snapshot = await (await _client.GetAsync("/api/topics/umbrella/snapshot")).JsonAsync();
        Assert.True(snapshot.GetProperty("openAlerts").GetInt32() >= 1);
    }

    [Fact]
    public async Task NegativeMentionByInfluencer_OpensInfluencerComplaint()
    {
        await _client.PostMentionsAsync(Array(
            Mention("inf1", "umbrella lost my luggage, terrible and rude service, never again", author: "tw:celebrity", followers: 2_000_000)));
        await _client.WaitForIngestAsync();

        var alerts = await (await _client.GetAsync("/api/alerts?state=open&topic=umbrella")).JsonAsync();
        var complaint = alerts.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "influencerComplaint");
        Assert.Contains("tw:celebrity", complaint.GetProperty("evidence").GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
    }
}

public sealed class AlertErasureTests : IAsyncLifetime
{
    private readonly EngineFactory _engine = new(EngineFactory.NewDataDir(), WebhookTestKit.Settings());
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _client = _engine.CreateClient();
        await _client.PutTopicAsync("erasable", new { name = "Erasable", keywords = new[] { "erasable" } });
    }

    public async ValueTask DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task EraseCustomer_BlanksTheirWordsInAlertEvidence()
    {
        const string words = "erasable airline lost my luggage, terrible and rude service, never again";
        // Nobody listens there: the deliveries stay queued (then dead-lettered) with the alert's evidence in them.
        await _client.RegisterAsync($"http://127.0.0.1:{FreePorts.Next()}/hook");
        await _client.PostMentionsAsync(Array(Mention("secret1", words, author: "tw:famous", followers: 3_000_000)));
        await _client.WaitForIngestAsync();
        var before = await (await _client.GetAsync("/api/alerts?topic=erasable")).JsonAsync();
        Assert.Contains(words, before.ToString());

        Assert.True(await DeliveriesQuotingAsync("luggage") > 0);

        var erased = await _client.DeleteAsync("/api/customers/tw:famous");
        Assert.True(erased.IsSuccessStatusCode, await erased.Content.ReadAsStringAsync());

        var after = await (await _client.GetAsync("/api/alerts?topic=erasable")).JsonAsync();
        Assert.DoesNotContain("luggage", after.ToString());
        var grains = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IGrainFactory>(_engine.Services);
        var active = await grains.GetGrain<ReputationEngine.Abstractions.Topics.IBrandTopicGrain>("erasable").GetActiveAlertsAsync();
        Assert.DoesNotContain(active.SelectMany(a => a.Evidence.Samples), s => s.Text.Contains("luggage", StringComparison.Ordinal));
        Assert.Equal(0, await DeliveriesQuotingAsync("luggage"));
    }

    private async Task<long> DeliveriesQuotingAsync(string word)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_engine.DataDir, "reputation.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM webhook_deliveries WHERE instr(CAST(payload AS BLOB), @word) > 0";
        command.Parameters.AddWithValue("@word", System.Text.Encoding.UTF8.GetBytes(word));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
