using System.Data.Common;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.MentionLog;

/// <summary>The mention log in the engine database (deploy/sql/&lt;provider&gt;/003-mention-log.sql).</summary>
public sealed class MentionLogStore(IEngineDatabase database, TimeProvider time) : IMentionLogStore
{
    public async Task<AppendOutcome[]> AppendAsync(string partition, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var received = time.GetUtcNow().ToUnixTimeMilliseconds();
        var outcomes = database.Provider == StorageProvider.Postgres
            ? await AppendAllAtOnceAsync(connection, transaction, partition, received, mentions, cancellationToken)
            : await AppendOneByOneAsync(connection, transaction, partition, received, mentions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>SQLite runs in process: a prepared statement per row costs microseconds.</summary>
    private static async Task<AppendOutcome[]> AppendOneByOneAsync(DbConnection connection, DbTransaction transaction, string partition, long received,
        IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        var outcomes = new AppendOutcome[mentions.Count];
        await using var insert = connection.Command("""
            INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload)
            VALUES (@id, @partition, @author, @received, @payload)
            ON CONFLICT (mention_id) DO NOTHING
            RETURNING seq
            """, transaction);
        var id = insert.Parameter("id", "");
        insert.Parameter("partition", partition);
        var author = insert.Parameter("author", "");
        insert.Parameter("received", received);
        var payload = insert.Parameter("payload", Array.Empty<byte>());
        for (var i = 0; i < mentions.Count; i++)
        {
            id.Value = mentions[i].Id;
            author.Value = mentions[i].AuthorId;
            payload.Value = MentionSerializer.Serialize(mentions[i]);
            var seq = await insert.ExecuteScalarAsync(cancellationToken);
            outcomes[i] = new AppendOutcome(seq is null or DBNull ? null : Convert.ToInt64(seq));
        }

        return outcomes;
    }

    /// <summary>
    /// PostgreSQL is a round trip away: the whole group is one statement over arrays, inserted in their order
    /// (ORDER BY ordinality), so sequences still follow the order the requests arrived in.
    /// </summary>
    private static async Task<AppendOutcome[]> AppendAllAtOnceAsync(DbConnection connection, DbTransaction transaction, string partition, long received,
        IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        var ids = new string[mentions.Count];
        var authors = new string[mentions.Count];
        var payloads = new byte[mentions.Count][];
        for (var i = 0; i < mentions.Count; i++)
        {
            ids[i] = mentions[i].Id;
            authors[i] = mentions[i].AuthorId;
            payloads[i] = MentionSerializer.Serialize(mentions[i]);
        }

        await using var insert = connection.Command("""
            INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload)
            SELECT m.id, @partition, m.author, @received, m.payload
            FROM unnest(@ids, @authors, @payloads) WITH ORDINALITY AS m(id, author, payload, ord)
            ORDER BY m.ord
            ON CONFLICT (mention_id) DO NOTHING
            RETURNING seq, mention_id
            """, transaction);
        insert.Parameter("partition", partition);
        insert.Parameter("received", received);
        insert.Parameter("ids", ids);
        insert.Parameter("authors", authors);
        insert.Parameter("payloads", payloads);
        var inserted = new Dictionary<string, long>(mentions.Count, StringComparer.Ordinal);
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted[reader.GetString(1)] = reader.GetInt64(0);
            }
        }

        // The first of several equal ids in one group was inserted; the others are duplicates.
        var outcomes = new AppendOutcome[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            outcomes[i] = new AppendOutcome(inserted.Remove(ids[i], out var seq) ? seq : null);
        }

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
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
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
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
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
        await using var connection = await database.OpenForWriteAsync(cancellationToken);
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
