using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ReputationEngine.Server.Storage;

/// <summary>The embedded default: one SQLite file under the data dir, for grain state and the engine's tables.</summary>
public sealed class SqliteDatabase(string connectionString) : IEngineDatabase
{
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
        using var pragma = connection.CreateCommand();
        // WAL lets grain reads run beside the log writer; NORMAL sync is durable against process crashes.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
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
