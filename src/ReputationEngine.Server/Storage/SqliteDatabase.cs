using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ReputationEngine.Server.Storage;

/// <summary>
/// The embedded default: two SQLite files under the data dir. The main one holds grain state and the engine's tables;
/// the mention log is a file of its own (<see cref="MentionLogPath"/>). SQLite allows one writer per file, so the log's
/// appends and the other writes (grain state, alerts) take turns separately and run side by side: an alert never waits
/// for a 20 000-mention append to commit, nor an append for a grain-state group commit.
/// </summary>
public sealed class SqliteDatabase : IEngineDatabase
{
    /// <summary>Schema scripts of the mention-log file (deploy/sql/sqlite/mention-log); the others are the main file's.</summary>
    public const string MentionLogScripts = "sqlite/mention-log";

    private static readonly ConditionalWeakTable<sqlite3, object> ConfiguredHandles = new();
    private static readonly object ConfiguredMarker = new();
    // WAL lets reads run beside the writer; NORMAL sync is durable against process crashes.
    private const string ConnectionPragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
    // The log's unique mention-id index takes a random insert per mention: a 64 MB page cache (SQLite's default is 2 MB)
    // and checkpoints every 40 MB of WAL instead of 4 MB, with the author index gone (its script), halved the cost of an
    // append (MentionLogAppendBenchmark, docs/benchmarks.md).
    private const string MentionLogPragmas = ConnectionPragmas + " PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=10000;";

    private readonly WriteTurns _writeTurns = new();
    private readonly WriteTurns _logWriteTurns = new();

    public SqliteDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var log = new SqliteConnectionStringBuilder(connectionString);
        MentionLogPath = MentionLogPathFor(log.DataSource);
        log.DataSource = MentionLogPath;
        MentionLogConnectionString = log.ToString();
    }

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string ConnectionString { get; }

    /// <summary>The mention log's file: beside the main one, named after it (<c>reputation.db</c> → <c>reputation-mentions.db</c>).</summary>
    public string MentionLogPath { get; }

    public string MentionLogConnectionString { get; }

    private static string MentionLogPathFor(string mainDataSource)
    {
        var full = Path.GetFullPath(mainDataSource);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-mentions" + Path.GetExtension(full));
    }

    public static string DefaultConnectionString(string dataDir) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "reputation.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<DbConnection>(Open());

    public Task<DbConnection> OpenLogAsync(CancellationToken cancellationToken = default) => Task.FromResult<DbConnection>(OpenLog());

    /// <summary>A connection to the main file.</summary>
    public SqliteConnection Open() => Open(ConnectionString, ConnectionPragmas);

    /// <summary>A connection to the mention-log file.</summary>
    public SqliteConnection OpenLog() => Open(MentionLogConnectionString, MentionLogPragmas);

    private static SqliteConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // Pooled connections keep their native handle and its settings: configure each handle once, not at every open.
        if (!ConfiguredHandles.TryGetValue(connection.Handle!, out _))
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = pragmas;
            pragma.ExecuteNonQuery();
            ConfiguredHandles.AddOrUpdate(connection.Handle!, ConfiguredMarker);
        }

        return connection;
    }

    public Task<DbConnection> OpenForWriteAsync(CancellationToken cancellationToken = default) =>
        OpenForWriteAsync(_writeTurns, Open, urgent: false, cancellationToken);

    public Task<DbConnection> OpenForUrgentWriteAsync(CancellationToken cancellationToken = default) =>
        OpenForWriteAsync(_writeTurns, Open, urgent: true, cancellationToken);

    public Task<DbConnection> OpenForLogWriteAsync(CancellationToken cancellationToken = default) =>
        OpenForWriteAsync(_logWriteTurns, OpenLog, urgent: false, cancellationToken);

    private static async Task<DbConnection> OpenForWriteAsync(WriteTurns turns, Func<SqliteConnection> open, bool urgent, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(urgent, cancellationToken);
        try
        {
            var connection = open();
            // Component.Dispose raises Disposed exactly once: the next writer's turn starts when this one is done.
            connection.Disposed += (_, _) => turns.Release();
            return connection;
        }
        catch
        {
            turns.Release();
            throw;
        }
    }

    public Task ApplySchemaAsync(CancellationToken cancellationToken = default)
    {
        using (var connection = Open())
        {
            foreach (var (_, sql) in SqlScripts.For("sqlite"))
            {
                Execute(connection, sql);
            }
        }

        using (var log = OpenLog())
        {
            foreach (var (_, sql) in SqlScripts.For(MentionLogScripts))
            {
                Execute(log, sql);
            }
        }

        MoveMentionLogOutOfMainFile();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Data dirs from before the split have the log in the main file: copy its rows to the log's file, then drop it there.
    /// Two transactions (one over two WAL files is atomic per file only), so a crash between them leaves the rows in both
    /// files and the next start repeats the copy, which skips the rows already there.
    /// </summary>
    private void MoveMentionLogOutOfMainFile()
    {
        // Not pooled: the attached file must not stay on a handle the engine reuses.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('mention_log', 'ingest_checkpoint')";
            if (Convert.ToInt64(check.ExecuteScalar()) == 0)
            {
                return;
            }
        }

        using (var attach = connection.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS log";
            attach.Parameters.AddWithValue("$path", MentionLogPath);
            attach.ExecuteNonQuery();
        }

        Execute(connection, """
            BEGIN;
            INSERT OR IGNORE INTO log.mention_log (seq, mention_id, partition, author_id, received_at, payload)
            SELECT seq, mention_id, partition, author_id, received_at, payload FROM main.mention_log;
            INSERT INTO log.ingest_checkpoint (partition, applied_seq, updated_at)
            SELECT partition, applied_seq, updated_at FROM main.ingest_checkpoint WHERE true
            ON CONFLICT (partition) DO UPDATE SET applied_seq = MAX(applied_seq, excluded.applied_seq);
            COMMIT;
            """);
        Execute(connection, "BEGIN; DROP TABLE IF EXISTS main.mention_log; DROP TABLE IF EXISTS main.ingest_checkpoint; COMMIT;");
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
