using System.Diagnostics;
using ReputationEngine.Cluster.Tests.Infrastructure;

namespace ReputationEngine.Cluster.Tests;

public sealed class PostgresClusterTests(PostgresServer postgres)
{
    private static readonly string[] Topics = ["acme", "globex", "initech"];
    private const int Batches = 40;
    private const int BatchSize = 150;

    /// <summary>The stream is this far along (acknowledged batches) when a silo is killed.</summary>
    private const double KillAtFraction = 0.4;

    [Fact]
    public async Task GrainState_RoundTripsThroughPostgres_WithoutReplay()
    {
        await using var cluster = SiloCluster.OnPostgres(await postgres.CreateDatabaseAsync(), silos: 1);
        await cluster.StartAsync();
        var stream = new MentionStream(cluster.Silos, batches: 5, BatchSize, Topics);
        await stream.RunAsync();
        await cluster.WaitForTotalsAsync(stream.ExpectedPerTopic());
        var silo = cluster.Silos[0];
        await WaitForCheckpointAsync(silo);

        // Everything is checkpointed, so after a kill the counts can only come from grain state in PostgreSQL.
        await silo.KillAsync();
        await silo.StartAsync();

        await cluster.WaitForTotalsAsync(stream.ExpectedPerTopic());
        var status = await silo.GetJsonAsync("/api/ingest/status");
        Assert.Equal(0, status.GetProperty("replayedAtStart").GetInt64());
        var customer = await silo.GetJsonAsync("/api/customers/tw:author7");
        Assert.Equal(stream.MentionsBy(7), customer.GetProperty("mentions").GetInt64());
    }

    [Fact]
    public async Task ThreeSilos_OneKilledMidStreamAndRestarted_CountEveryMentionOnce()
    {
        await using var cluster = SiloCluster.OnPostgres(await postgres.CreateDatabaseAsync(), silos: 3);
        await cluster.StartAsync();
        var stream = new MentionStream(cluster.Silos, Batches, BatchSize, Topics);
        var streaming = stream.RunAsync();
        await WaitForProgressAsync(stream, streaming);

        var victim = cluster.Silos[2];
        var killedAt = Stopwatch.StartNew();
        await victim.KillAsync();
        var restart = await victim.StartAsync();
        await streaming;
        var converged = await cluster.WaitForTotalsAsync(stream.ExpectedPerTopic());

        Output.Report($"postgres 3 silos: restart to healthy {restart.TotalSeconds:F1} s; kill to all totals exact {killedAt.Elapsed.TotalSeconds:F1} s "
            + $"(stream ended, then {converged.TotalSeconds:F1} s); accepted {stream.Accepted}, duplicates {stream.Duplicates}");
        Assert.InRange(stream.Accepted, 0, stream.Total);
    }

    [Fact]
    public async Task ThreeSilos_OneKilledForGood_SurvivorsReplayItsPartition()
    {
        await using var cluster = SiloCluster.OnPostgres(await postgres.CreateDatabaseAsync(), silos: 3);
        await cluster.StartAsync();
        var stream = new MentionStream(cluster.Silos, Batches, BatchSize, Topics);
        var streaming = stream.RunAsync();
        await WaitForProgressAsync(stream, streaming);

        var killedAt = Stopwatch.StartNew();
        await cluster.Silos[2].KillAsync();
        await streaming;
        await cluster.WaitForTotalsAsync(stream.ExpectedPerTopic());

        Output.Report($"postgres 3 silos, one killed for good: kill to all totals exact on the survivors {killedAt.Elapsed.TotalSeconds:F1} s");
    }

    internal static async Task WaitForProgressAsync(MentionStream stream, Task streaming)
    {
        var target = (int)(stream.Batches * KillAtFraction);
        while (stream.AcknowledgedBatches < target && !streaming.IsCompleted)
        {
            await Task.Delay(10);
        }

        Assert.False(streaming.IsFaulted, streaming.Exception?.ToString());
    }

    private static async Task WaitForCheckpointAsync(SiloProcess silo)
    {
        var deadline = DateTime.UtcNow + SiloCluster.ConvergeTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var status = await silo.GetJsonAsync("/api/ingest/status");
            if (status.GetProperty("pending").GetInt64() == 0
                && status.GetProperty("checkpointSequence").GetInt64() == status.GetProperty("lastAppliedSequence").GetInt64())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The silo did not checkpoint");
    }
}
