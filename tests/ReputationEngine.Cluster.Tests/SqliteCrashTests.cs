using System.Diagnostics;
using ReputationEngine.Cluster.Tests.Infrastructure;

namespace ReputationEngine.Cluster.Tests;

public sealed class SqliteCrashTests
{
    private static readonly string[] Topics = ["acme", "globex", "initech"];

    [Fact]
    public async Task SingleSilo_KilledMidStreamAndRestarted_CountsEveryMentionOnce()
    {
        await using var cluster = SiloCluster.OnSqlite();
        await cluster.StartAsync();
        var stream = new MentionStream(cluster.Silos, batches: 40, batchSize: 150, Topics);
        var streaming = stream.RunAsync();
        await PostgresClusterTests.WaitForProgressAsync(stream, streaming);

        var silo = cluster.Silos[0];
        var killedAt = Stopwatch.StartNew();
        await silo.KillAsync();
        var restart = await silo.StartAsync();
        await streaming;
        var converged = await cluster.WaitForTotalsAsync(stream.ExpectedPerTopic());

        Output.Report($"sqlite 1 silo: restart to healthy {restart.TotalSeconds:F1} s; kill to all totals exact {killedAt.Elapsed.TotalSeconds:F1} s "
            + $"(stream ended, then {converged.TotalSeconds:F1} s); replayed at start {(await silo.GetJsonAsync("/api/ingest/status")).GetProperty("replayedAtStart")}");
        Assert.InRange(stream.Accepted, 0, stream.Total);
    }
}
