namespace ReputationEngine.Server.Storage;

/// <summary>Statements of <see cref="GroupCommitGrainStorage"/> on table <c>grain_state</c>; both dialects accept them.</summary>
internal static class GrainStateSql
{
    /// <summary>First write of a grain: fails (no row) if another activation created it meanwhile.</summary>
    public const string Insert = """
        INSERT INTO grain_state (state_name, grain_id, version, payload, updated_at)
        VALUES (@name, @id, @version, @payload, @now)
        ON CONFLICT (state_name, grain_id) DO NOTHING
        """;

    /// <summary>Later writes: optimistic, only over the version this activation read or last wrote.</summary>
    public const string Update = """
        UPDATE grain_state SET version = @version, payload = @payload, updated_at = @now
        WHERE state_name = @name AND grain_id = @id AND version = @expected
        """;

    public const string Delete = "DELETE FROM grain_state WHERE state_name = @name AND grain_id = @id";

    /// <summary>
    /// The rows of many grains in one statement with one parameter: an array for PostgreSQL, a JSON array for SQLite
    /// (binding hundreds of named parameters cost more than the lookups themselves).
    /// </summary>
    public static string Select(StorageProvider provider)
    {
        const string Head = "SELECT grain_id, version, payload FROM grain_state WHERE state_name = @name AND grain_id ";
        return provider == StorageProvider.Postgres
            ? Head + "= ANY(@ids)"
            : Head + "IN (SELECT value FROM json_each(@ids))";
    }
}
