using System.Data.Common;

namespace ReputationEngine.Server.Storage;

/// <summary>
/// The engine's own tables (mention log, alerts, keys, webhook outbox) in the configured database.
/// Stores write SQL that both SQLite and PostgreSQL accept (ON CONFLICT, RETURNING, COALESCE, @parameters)
/// and branch on <see cref="Provider"/> only where the dialects differ.
/// </summary>
public interface IEngineDatabase
{
    StorageProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A connection for writing. SQLite has one writer at a time and Microsoft.Data.Sqlite waits for its lock by
    /// blocking the thread (a grain's scheduler thread, often), so on SQLite writers take turns here, awaiting
    /// asynchronously; the turn ends when the connection is disposed. Do not open a second one while holding one.
    /// PostgreSQL needs no turns.
    /// </summary>
    Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The same, for a write someone is waiting for as it happens (alerts): on SQLite it takes the next turn ahead of the
    /// bulk writers queued with <see cref="OpenForWriteAsync"/>.
    /// </summary>
    Task<DbConnection> OpenForUrgentWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies deploy/sql/&lt;provider&gt;/*.sql; every script is idempotent.</summary>
    Task ApplySchemaAsync(CancellationToken cancellationToken = default);
}
