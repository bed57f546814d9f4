using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ReputationEngine.Server.Storage;

/// <summary>The embedded default: one SQLite file under the data dir, for grain state and the engine's tables.</summary>
public sealed class SqliteDatabase(string connectionString) : IEngineDatabase
{
    private static readonly ConditionalWeakTable<sqlite3, object> ConfiguredHandles = new();
    private static readonly object ConfiguredMarker = new();
    // WAL lets grain reads run beside the log writer; NORMAL sync is durable against process crashes.
    private const string ConnectionPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private readonly WriteTurns _writeTurns = new();

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string ConnectionString { get; } = connectionString;

    public static string DefaultConnectionString(string dataDir) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "reputation.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<DbConnection>(Open());

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // Pooled connections keep their native handle and its settings: configure each handle once, not at every open.
        if (!ConfiguredHandles.TryGetValue(connection.Handle!, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = ConnectionPragmas;
            pragma.ExecuteNonQuery();
            ConfiguredHandles.AddOrUpdate(connection.Handle!, ConfiguredMarker);
        }

        return connection;
    }

    public Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken = default) => OpenForWriteAsync(urgent: false, cancellationToken);

    public Task<DbConnection> OpenForUrgentWriteAsync(CancellationToken cancellationToken = default) => OpenForWriteAsync(urgent: true, cancellationToken);

    private async Task<DbConnection> OpenForWriteAsync(bool urgent, CancellationToken cancellationToken)
    {
        await _writeTurns.WaitAsync(urgent, cancellationToken);
        try
        {
            var connection = Open();
            // Component.Dispose raises Disposed exactly once: the next writer's turn starts when this one is done.
            connection.Disposed += (_, _) => _writeTurns.Release();
            return connection;
        }
        catch
        {
            _writeTurns.Release();
            throw;
        }
    }

    public Task ApplySchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Open();
        foreach (var (_, sql) in SqlScripts.For("sqlite"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        return Task.CompletedTask;
    }
}
