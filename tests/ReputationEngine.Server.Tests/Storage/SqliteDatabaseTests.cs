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

    private static object? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return command.ExecuteScalar();
    }
}
