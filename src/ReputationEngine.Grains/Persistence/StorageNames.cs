namespace ReputationEngine.Grains.Persistence;

/// <summary>Names of the Orleans grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Grain state: SQLite under the data dir by default, PostgreSQL in a cluster.</summary>
    public const string Default = "reputation";
}
