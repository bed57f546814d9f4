using Microsoft.Data.Sqlite;

namespace ReputationEngine.Server.Storage;

/// <summary>Opens connections to the embedded SQLite database and applies the schema.</summary>
public static class SqliteDatabase
{
    public static string DefaultConnectionString(string dataDir) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "reputation.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // WAL lets grain reads run beside the log writer; NORMAL sync is durable against process crashes.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Applies deploy/sql/sqlite/*.sql; every script is idempotent.</summary>
    public static void ApplySchema(string connectionString)
    {
        using var connection = Open(connectionString);
        foreach (var (_, sql) in SqlScripts.For("sqlite"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
