namespace ReputationEngine.Server.Storage;

/// <summary>Configuration section <c>Storage</c> (DESIGN §4.7).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>How long accepted mentions stay in the log: the horizon within which a re-sent id is a duplicate.</summary>
    public static readonly TimeSpan DefaultLogRetention = TimeSpan.FromDays(7);

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Defaults to <c>reputation.db</c> under the data dir for SQLite; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where grain state goes: <c>GroupCommit</c> (default: the engine's own storage, many grains per transaction) or
    /// <c>AdoNet</c> (Orleans' ADO.NET provider, one transaction per grain write; kept as the measured baseline).
    /// </summary>
    public GrainStorageKind GrainStorage { get; set; } = GrainStorageKind.GroupCommit;

    /// <summary>Checkpointed mentions older than this are pruned from the log (<c>Storage__LogRetention</c>, e.g. <c>7.00:00:00</c>).</summary>
    public TimeSpan LogRetention { get; set; } = DefaultLogRetention;
}

public enum GrainStorageKind
{
    GroupCommit,
    AdoNet,
}
