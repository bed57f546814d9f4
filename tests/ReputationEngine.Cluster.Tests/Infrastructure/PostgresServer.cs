using System.Diagnostics;
using Npgsql;

namespace ReputationEngine.Cluster.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server for the test run: initdb into a temporary directory and pg_ctl start on a
/// free loopback port (as the <c>postgres</c> user when the tests run as root — PostgreSQL refuses root), stopped
/// and deleted at the end. scripts/ensure-postgres.sh installs the binaries when they are missing.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string SuperUser = "postgres";
    private const string RunAsUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _root = TestPaths.NewTempDir("pg");
    private string _bin = "";

    public int Port { get; } = FreePorts.Next();

    private string DataDir => Path.Combine(_root, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>A connection string to a new, empty database (one per test keeps tests independent).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString(SuperUser)))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = SuperUser, Database = database }.ToString();

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", RunAsUser, _root]);
        }

        await RunPostgresToolAsync("initdb", ["-D", DataDir, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await RunPostgresToolAsync("pg_ctl", ["-D", DataDir, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "120",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPostgresToolAsync("pg_ctl", ["-D", DataDir, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL binaries not found; run scripts/ensure-postgres.sh");
    }

    private Task RunPostgresToolAsync(string tool, string[] arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", RunAsUser, "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
