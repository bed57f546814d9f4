using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.MentionLog;

/// <summary>The mention log in the engine database (deploy/sql/&lt;provider&gt;/003-mention-log.sql).</summary>
public sealed class MentionLogStore(IEngineDatabase database, TimeProvider time) : IMentionLogStore
{
    public async Task<AppendOutcome[]> AppendAsync(string partition, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        var outcomes = new AppendOutcome[mentions.Count];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.Command("""
            INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload)
            VALUES (@id, @partition, @author, @received, @payload)
            ON CONFLICT (mention_id) DO NOTHING
            RETURNING seq
            """, transaction);
        var id = insert.Parameter("id", "");
        insert.Parameter("partition", partition);
        var author = insert.Parameter("author", "");
        insert.Parameter("received", time.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = insert.Parameter("payload", Array.Empty<byte>());
        for (var i = 0; i < mentions.Count; i++)
        {
            id.Value = mentions[i].Id;
            author.Value = mentions[i].AuthorId;
            payload.Value = MentionSerializer.Serialize(mentions[i]);
            var seq = await insert.ExecuteScalarAsync(cancellationToken);
            outcomes[i] = new AppendOutcome(seq is null or DBNull ? null : Convert.ToInt64(seq));
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    public async Task<IReadOnlyList<LoggedMention>> ReadAsync(string partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT seq, payload FROM mention_log WHERE partition = @p AND seq > @after ORDER BY seq LIMIT @limit");
        command.Parameter("p", partition);
        command.Parameter("after", afterSequence);
        command.Parameter("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<LoggedMention>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new LoggedMention(reader.GetInt64(0), MentionSerializer.Deserialize((byte[])reader.GetValue(1))));
        }

        return result;
    }

    public Task<long> GetLastSequenceAsync(string partition, CancellationToken cancellationToken) =>
        ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM mention_log WHERE partition = @p", partition, cancellationToken);

    public Task<long> GetCheckpointAsync(string partition, CancellationToken cancellationToken) =>
        ScalarAsync("SELECT COALESCE(MAX(applied_seq), 0) FROM ingest_checkpoint WHERE partition = @p", partition, cancellationToken);

    public async Task SetCheckpointAsync(string partition, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO ingest_checkpoint (partition, applied_seq, updated_at) VALUES (@p, @seq, @now)
            ON CONFLICT (partition) DO UPDATE SET
                applied_seq = CASE WHEN excluded.applied_seq > ingest_checkpoint.applied_seq THEN excluded.applied_seq ELSE ingest_checkpoint.applied_seq END,
                updated_at = excluded.updated_at
            """);
        command.Parameter("p", partition);
        command.Parameter("seq", sequence);
        command.Parameter("now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> EraseAuthorTextAsync(string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(database.Provider == StorageProvider.Postgres
            ? """
              UPDATE mention_log
              SET payload = convert_to((convert_from(payload, 'UTF8')::jsonb || '{"text":"","authorName":null}'::jsonb)::text, 'UTF8')
              WHERE author_id = @author
              """
            : """
              UPDATE mention_log
              SET payload = CAST(json_set(CAST(payload AS TEXT), '$.text', '', '$.authorName', NULL) AS BLOB)
              WHERE author_id = @author
              """);
        command.Parameter("author", authorId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            DELETE FROM mention_log
            WHERE received_at < @before
              AND seq <= COALESCE((SELECT applied_seq FROM ingest_checkpoint c WHERE c.partition = mention_log.partition), 0)
            """);
        command.Parameter("before", olderThan.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> ScalarAsync(string sql, string partition, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql);
        command.Parameter("p", partition);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
