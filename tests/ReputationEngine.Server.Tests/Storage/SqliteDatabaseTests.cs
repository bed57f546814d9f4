using Microsoft.Data.Sqlite;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sqlite-db-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void EveryConnection_FirstOrPooled_HasTheEnginesSettings()
    {
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(_dir));
        for (var open = 0; open < 3; open++)
        {
            // The first open configures a new handle; the next ones reuse it from the pool.
            using var connection = database.Open();
            Assert.Equal("wal", Pragma(connection, "journal_mode"));
            Assert.Equal(1L, Pragma(connection, "synchronous")); // NORMAL
            Assert.Equal(30_000L, Pragma(connection, "busy_timeout"));
        }

        // Two at once: the second is a new handle, configured too.
        using var first = database.Open();
        using var second = database.Open();
        Assert.Equal(30_000L, Pragma(second, "busy_timeout"));
        Assert.Equal(1L, Pragma(second, "synchronous"));
    }

    [Fact]
    public void AfterThePoolIsCleared_NewHandlesAreConfiguredAgain()
    {
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(_dir));
        using (database.Open())
        {
        }

        SqliteConnection.ClearAllPools();
        using var connection = database.Open();
        Assert.Equal(30_000L, Pragma(connection, "busy_timeout"));
        Assert.Equal(1L, Pragma(connection, "synchronous"));
    }

    [Fact]
    public async Task TheMentionLog_IsAFileOfItsOwn_WithTheSameSettings()
    {
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(_dir));
        await database.ApplySchemaAsync();

        Assert.Equal(Path.Combine(_dir, "reputation-mentions.db"), database.MentionLogPath);
        using var main = database.Open();
        Assert.Equal(0L, Scalar(main, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('mention_log', 'ingest_checkpoint')"));
        Assert.Equal(1L, Scalar(main, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'grain_state'"));
        using var log = database.OpenLog();
        Assert.Equal(2L, Scalar(log, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('mention_log', 'ingest_checkpoint')"));
        Assert.Equal(0L, Scalar(log, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'grain_state'"));
        Assert.Equal("wal", Pragma(log, "journal_mode"));
        Assert.Equal(1L, Pragma(log, "synchronous"));
    }

    [Fact]
    public async Task ALogWrite_DoesNotWaitForAWriterOfTheMainFile()
    {
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(_dir));
        await database.ApplySchemaAsync();

        // A grain-state commit in progress: it holds the main file's turn and SQLite's write lock on that file.
        await using var main = (SqliteConnection)await database.OpenForWriteAsync();
        await using var mainTransaction = (SqliteTransaction)await main.BeginTransactionAsync();
        Execute(main, "INSERT INTO grain_state (state_name, grain_id, version, payload, updated_at) VALUES ('t', 'k', 1, x'00', 0)", mainTransaction);

        var logWrite = Task.Run(async () =>
        {
            await using var log = (SqliteConnection)await database.OpenForLogWriteAsync();
            await using var logTransaction = (SqliteTransaction)await log.BeginTransactionAsync();
            Execute(log, "INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload) VALUES ('m1', 'p', 'a', 0, x'00')", logTransaction);
            await logTransaction.CommitAsync();
        });

        await logWrite.WaitAsync(TimeSpan.FromSeconds(10));
        await mainTransaction.CommitAsync();
        using var check = database.OpenLog();
        Assert.Equal(1L, Scalar(check, "SELECT COUNT(*) FROM mention_log"));
    }

    [Fact]
    public async Task ADataDirFromBeforeTheSplit_HasItsLogMoved_WithItsSequences()
    {
        // The old layout: the log and its checkpoint in the main file.
        using (var old = new SqliteConnection(SqliteDatabase.DefaultConnectionString(_dir)))
        {
            old.Open();
            Execute(old, """
                CREATE TABLE mention_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, mention_id TEXT NOT NULL UNIQUE, partition TEXT NOT NULL,
                    author_id TEXT NOT NULL, received_at INTEGER NOT NULL, payload BLOB NOT NULL);
                CREATE TABLE ingest_checkpoint (partition TEXT NOT NULL PRIMARY KEY, applied_seq INTEGER NOT NULL, updated_at INTEGER NOT NULL);
                INSERT INTO mention_log (seq, mention_id, partition, author_id, received_at, payload) VALUES
                    (7, 'm7', 'p', 'a', 1, x'07'), (9, 'm9', 'p', 'a', 2, x'09');
                INSERT INTO ingest_checkpoint VALUES ('p', 7, 3);
                """);
        }

        SqliteConnection.ClearAllPools();
        var database = new SqliteDatabase(SqliteDatabase.DefaultConnectionString(_dir));
        await database.ApplySchemaAsync();
        // Applying again (the next start) changes nothing.
        await database.ApplySchemaAsync();

        using var main = database.Open();
        Assert.Equal(0L, Scalar(main, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('mention_log', 'ingest_checkpoint')"));
        using var log = database.OpenLog();
        Assert.Equal("7,9", Scalar(log, "SELECT group_concat(seq) FROM (SELECT seq FROM mention_log ORDER BY seq)"));
        Assert.Equal(7L, Scalar(log, "SELECT applied_seq FROM ingest_checkpoint WHERE partition = 'p'"));
        // New mentions continue after the moved ones.
        Execute(log, "INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload) VALUES ('m10', 'p', 'a', 4, x'10')");
        Assert.Equal(10L, Scalar(log, "SELECT seq FROM mention_log WHERE mention_id = 'm10'"));
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static object? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar();
    }
}
