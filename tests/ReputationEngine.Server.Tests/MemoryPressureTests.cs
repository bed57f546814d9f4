using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Grains.Customers;
using ReputationEngine.Server.Tests.Infrastructure;
using static ReputationEngine.Server.Tests.Infrastructure.Mentions;

namespace ReputationEngine.Server.Tests;

/// <summary>
/// Past the memory budget the silo sheds idle activations instead of waiting for their idle age (1.5 minutes):
/// a budget far below what any process uses sheds them within seconds, and their state comes back from storage.
/// </summary>
public sealed class MemoryPressureTests
{
    [Fact]
    public async Task OverMemoryBudget_IdleCustomersAreShed_AndReadBackUnchanged()
    {
        var settings = new Dictionary<string, string>
        {
            ["Orleans:GrainCollection:MemoryUsageLimitPercentage"] = "0.02",
            ["Orleans:GrainCollection:MemoryUsageTargetPercentage"] = "0.01",
            ["Orleans:GrainCollection:MemoryUsagePollingPeriod"] = "00:00:00.500",
        };
        await using var engine = new EngineFactory(EngineFactory.NewDataDir(), settings);
        var client = engine.CreateClient();
        await client.PutTopicAsync("acme", new { name = "Acme", keywords = new[] { "acme" } });
        // One id that JSON must escape: the storage looks grains up with a JSON array of ids on SQLite.
        const string Quoted = "tw:o\"brien\\ü";
        var batch = Array(Enumerable.Range(0, 40).Select(i => (JsonNode)Mention($"m{i}", $"acme is slow today {i}", author: i == 0 ? Quoted : $"tw:shed{i}", secondsAfterBase: i)).ToArray());
        Assert.Equal(40, (await (await client.PostMentionsAsync(batch)).JsonAsync()).GetProperty("accepted").GetInt32());
        await client.WaitForIngestAsync();

        var management = engine.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await Eventually.ReturnsAsync(async () =>
        {
            // The shedding loop acts only after a gen-2 collection since its last round.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            var statistics = await management.GetSimpleGrainStatistics();
            return statistics.Where(s => s.GrainType.Contains(nameof(CustomerGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        }, active => active == 0, "the idle customers to be shed");

        var customer = await (await client.GetAsync("/api/customers/tw:shed7")).JsonAsync();
        Assert.Equal(1, customer.GetProperty("mentions").GetInt64());
        var quoted = await (await client.GetAsync("/api/customers/" + Uri.EscapeDataString(Quoted))).JsonAsync();
        Assert.Equal(Quoted, quoted.GetProperty("customerId").GetString());
        Assert.Equal(1, quoted.GetProperty("mentions").GetInt64());
    }
}
