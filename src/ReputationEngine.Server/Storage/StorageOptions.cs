namespace ReputationEngine.Server.Storage;

/// <summary>Configuration section <c>Storage</c> (DESIGN §4.7).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Defaults to <c>reputation.db</c> under the data dir for SQLite.</summary>
    public string? ConnectionString { get; set; }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
