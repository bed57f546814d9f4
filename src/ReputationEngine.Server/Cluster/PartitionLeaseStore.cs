using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.Cluster;

/// <summary>The <c>partition_lease</c> table: which silo dispatches which mention-log partition, until when.</summary>
public sealed class PartitionLeaseStore(IEngineDatabase database, IMentionLogStore log, TimeProvider time)
{
    /// <summary>
    /// Takes or extends the lease of <paramref name="partition"/> for <paramref name="owner"/>: succeeds when the
    /// partition has no lease, when <paramref name="owner"/> holds it, or when it has expired.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string partition, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO partition_lease (partition, owner, expires_at) VALUES (@p, @owner, @expires)
            ON CONFLICT (partition) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
            WHERE partition_lease.owner = excluded.owner OR partition_lease.expires_at < @now
            RETURNING partition
            """);
        command.Parameter("p", partition);
        command.Parameter("owner", owner);
        command.Parameter("expires", now + (long)duration.TotalMilliseconds);
        command.Parameter("now", now);
        return await command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull;
    }

    /// <summary>Gives a lease up at once (after a takeover's replay), so its own silo can resume it when it returns.</summary>
    public async Task ReleaseAsync(string partition, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var command = connection.Command("UPDATE partition_lease SET expires_at = 0 WHERE partition = @p AND owner = @owner");
        command.Parameter("p", partition);
        command.Parameter("owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Partitions whose lease has expired while the log still holds mentions beyond their checkpoint.</summary>
    public async Task<IReadOnlyList<string>> FindOrphanedAsync(CancellationToken cancellationToken)
    {
        var expired = new List<string>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var command = connection.Command("SELECT partition FROM partition_lease WHERE expires_at < @now");
            command.Parameter("now", time.GetUtcNow().ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                expired.Add(reader.GetString(0));
            }
        }

        // The log may be elsewhere (SQLite keeps it in a file of its own): ask it per partition, there are few.
        var orphaned = new List<string>();
        foreach (var partition in expired)
        {
            if (await log.HasUncheckpointedAsync(partition, cancellationToken))
            {
                orphaned.Add(partition);
            }
        }

        return orphaned;
    }
}
