using System.Data.Common;
using Npgsql;

namespace ReputationEngine.Server.Storage;

/// <summary>PostgreSQL for grain state, membership and the engine's tables, shared by every silo of a cluster.</summary>
public sealed class PostgresDatabase(string connectionString) : IEngineDatabase, IDisposable
{
    /// <summary>Advisory lock key held while applying the schema, so silos starting together apply it one at a time.</summary>
    public const long SchemaLockKey = 0x52_45_50_55_54_41_54_49; // "REPUTATI"

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public StorageProvider Provider => StorageProvider.Postgres;

    public string ConnectionString { get; } = connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    public Task<DbConnection> OpenForUrgentWriteAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    public Task<DbConnection> OpenLogAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    public Task<DbConnection> OpenForLogWriteAsync(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken);

    public async Task ApplySchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using (var locking = connection.Command("SELECT pg_advisory_lock(@key)"))
        {
            locking.Parameter("key", SchemaLockKey);
            await locking.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var (_, sql) in SqlScripts.For("postgres"))
            {
                await using var command = connection.Command(sql);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await using var unlocking = connection.Command("SELECT pg_advisory_unlock(@key)");
            unlocking.Parameter("key", SchemaLockKey);
            await unlocking.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
