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
    /// A connection for writing the main file. SQLite has one writer per file at a time and Microsoft.Data.Sqlite waits for its lock by
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

    /// <summary>
    /// A connection for reading the mention log (<c>mention_log</c>, <c>ingest_checkpoint</c>) and nothing else: on SQLite
    /// the log is a file of its own (<see cref="SqliteDatabase"/>). PostgreSQL: the same as <see cref="OpenAsync"/>.
    /// </summary>
    Task<DbConnection> OpenLogAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A connection for writing the mention log and nothing else. On SQLite its file has a writer of its own, taken in
    /// turns apart from <see cref="OpenForWriteAsync"/>'s.
    /// </summary>
    Task<DbConnection> OpenForLogWriteAsync(CancellationToken cancellationToken = default);

    /// <summary>Applies deploy/sql/&lt;provider&gt;/*.sql (SQLite: also sqlite/mention-log/*.sql, to the log's file); every script is idempotent.</summary>
    Task ApplySchemaAsync(CancellationToken cancellationToken = default);
}
