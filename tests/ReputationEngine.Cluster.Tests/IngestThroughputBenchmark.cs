using System.Diagnostics;
using ReputationEngine.Cluster.Tests.Infrastructure;

namespace ReputationEngine.Cluster.Tests;

/// <summary>
/// Ingest throughput of one silo on PostgreSQL against one silo on SQLite, in the same run (docs/benchmarks.md).
/// Reports figures; asserts only that everything was counted. Runs when REPUTATION_BENCH=1.
/// </summary>
public sealed class IngestThroughputBenchmark(PostgresServer postgres)
{
    public const string EnableVariable = "REPUTATION_BENCH";
    private const int Batches = 60;
    private const int BatchSize = 1_000;
    private const int Senders = 4;
    private static readonly string[] Topics = ["acme", "globex", "initech"];

    [Fact]
    public async Task Ingest_PostgresVsSqlite_Reported()
    {
        Assert.SkipUnless(Environment.GetEnvironmentVariable(EnableVariable) == "1", $"set {EnableVariable}=1 to measure");
        var sqlite = await MeasureAsync(SiloCluster.OnSqlite());
        var pg = await MeasureAsync(SiloCluster.OnPostgres(await postgres.CreateDatabaseAsync(), silos: 1));
        Output.Report($"ingest {Batches * BatchSize} mentions, batches of {BatchSize}, {Senders} senders: "
            + $"sqlite {sqlite.Durable:F0}/s durable, {sqlite.Counted:F0}/s counted; postgres {pg.Durable:F0}/s durable, {pg.Counted:F0}/s counted; "
            + $"postgres/sqlite {pg.Durable / sqlite.Durable:F2} (durable), {pg.Counted / sqlite.Counted:F2} (counted)");
    }

    private static async Task<(double Durable, double Counted)> MeasureAsync(SiloCluster cluster)
    {
        await using (cluster)
        {
            await cluster.StartAsync();
            var streams = Enumerable.Range(0, Senders).Select(s => new MentionStream(cluster.Silos, Batches / Senders, BatchSize, Topics, idPrefix: $"s{s}")).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(streams.Select(s => s.RunAsync()));
            var durable = clock.Elapsed;
            var expected = Topics.ToDictionary(t => t, t => streams.Sum(s => s.ExpectedPerTopic()[t]), StringComparer.Ordinal);
            await cluster.WaitForTotalsAsync(expected);
            var counted = clock.Elapsed;
            var total = streams.Sum(s => s.Total);
            return (total / durable.TotalSeconds, total / counted.TotalSeconds);
        }
    }
}
