using System.Diagnostics;

namespace ReputationEngine.Cluster.Tests.Infrastructure;

/// <summary>Silo processes sharing one store, and the checks the tests make across them.</summary>
public sealed class SiloCluster : IAsyncDisposable
{
    public static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _workDir = TestPaths.NewTempDir("cluster");

    private SiloCluster(IReadOnlyDictionary<string, string> environment, int silos)
    {
        Silos = [.. Enumerable.Range(1, silos).Select(i => new SiloProcess($"silo{i}", environment, _workDir))];
    }

    public IReadOnlyList<SiloProcess> Silos { get; }

    /// <summary>PostgreSQL storage and ADO.NET membership; silos advertise loopback and detect deaths fast.</summary>
    public static SiloCluster OnPostgres(string connectionString, int silos) => new(new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Postgres",
        ["Storage__ConnectionString"] = connectionString,
        ["Cluster__Provider"] = "AdoNet",
        ["Cluster__AdvertisedAddress"] = "127.0.0.1",
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
    }, silos);

    /// <summary>The embedded default: SQLite under the silo's data dir, localhost clustering.</summary>
    public static SiloCluster OnSqlite() => new(new Dictionary<string, string>(), 1);

    public async Task StartAsync()
    {
        // The first silo applies the schema and creates the cluster; the others join it together.
        await Silos[0].StartAsync();
        await Task.WhenAll(Silos.Skip(1).Select(s => s.StartAsync()));
    }

    /// <summary>
    /// Waits until every running silo reports exactly the expected total for every topic; returns how long
    /// that took. Fails with the figures seen (and the silos' logs) when they do not converge in time.
    /// </summary>
    public async Task<TimeSpan> WaitForTotalsAsync(IReadOnlyDictionary<string, long> expected)
    {
        var waited = Stopwatch.StartNew();
        var last = "";
        while (waited.Elapsed < ConvergeTimeout)
        {
            var seen = new List<string>();
            var converged = true;
            foreach (var silo in Silos.Where(s => s.IsRunning))
            {
                foreach (var (topic, total) in expected)
                {
                    long counted;
                    try
                    {
                        counted = (await silo.GetJsonAsync($"/api/topics/{topic}/snapshot")).GetProperty("totalMentions").GetInt64();
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
                    {
                        counted = -1;
                    }

                    seen.Add($"{silo.Name}/{topic}={counted}/{total}");
                    converged &= counted == total;
                }
            }

            if (converged)
            {
                return waited.Elapsed;
            }

            last = string.Join(", ", seen);
            await Task.Delay(PollInterval);
        }

        throw new Xunit.Sdk.XunitException($"Topic totals did not converge within {ConvergeTimeout}: {last}\n"
            + string.Join("\n", Silos.Select(s => $"---- {s.Name}\n{s.Log()}")));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        try
        {
            Directory.Delete(_workDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
