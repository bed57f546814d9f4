using System.Data.Common;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.MentionLog;

/// <summary>
/// The mention log in the engine database (deploy/sql/postgres/003-mention-log.sql; on SQLite a file of its own,
/// deploy/sql/sqlite/mention-log). Every query here opens the log's connections (<see cref="IEngineDatabase.OpenLogAsync"/>).
/// </summary>
public sealed class MentionLogStore(IEngineDatabase database, TimeProvider time) : IMentionLogStore
{
    public async Task<AppendOutcome[]> AppendAsync(string partition, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        // Serialized before taking the write turn: on SQLite the log's other writers (checkpoint, pruning) wait while it is held.
        var payloads = new byte[mentions.Count][];
        for (var i = 0; i < payloads.Length; i++)
        {
            payloads[i] = MentionSerializer.Serialize(mentions[i]);
        }

        await using var connection = await database.OpenForLogWriteAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var received = time.GetUtcNow().ToUnixTimeMilliseconds();
        var outcomes = database.Provider == StorageProvider.Postgres
            ? await AppendAllAtOnceAsync(connection, transaction, partition, received, mentions, payloads, cancellationToken)
            : await AppendInChunksAsync(connection, transaction, partition, received, mentions, payloads, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>Rows per multi-row INSERT on SQLite (5 parameters each, far below its 32 766-parameter limit).</summary>
    public const int SqliteRowsPerStatement = 128;

    /// <summary>
    /// SQLite: multi-row INSERTs of <see cref="SqliteRowsPerStatement"/> rows (rows are inserted in VALUES order, so
    /// sequences follow arrival), one prepared command reused for every full chunk; per-row statements spent most
    /// of their time binding parameters by name.
    /// </summary>
    private static async Task<AppendOutcome[]> AppendInChunksAsync(DbConnection connection, DbTransaction transaction, string partition, long received,
        IReadOnlyList<Mention> mentions, byte[][] payloads, CancellationToken cancellationToken)
    {
        var outcomes = new AppendOutcome[mentions.Count];
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < mentions.Count; start += SqliteRowsPerStatement)
            {
                var rows = Math.Min(SqliteRowsPerStatement, mentions.Count - start);
                DbCommand command;
                if (rows == SqliteRowsPerStatement)
                {
                    command = full ??= MultiRowInsert(connection, transaction, rows);
                }
                else
                {
                    command = MultiRowInsert(connection, transaction, rows);
                }

                command.Parameters[0].Value = partition;
                command.Parameters[1].Value = received;
                for (var i = 0; i < rows; i++)
                {
                    command.Parameters[2 + (3 * i)].Value = mentions[start + i].Id;
                    command.Parameters[3 + (3 * i)].Value = mentions[start + i].AuthorId;
                    command.Parameters[4 + (3 * i)].Value = payloads[start + i];
                }

                var inserted = new Dictionary<string, long>(rows, StringComparer.Ordinal);
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        inserted[reader.GetString(1)] = reader.GetInt64(0);
                    }
                }

                // The first of several equal ids in one statement was inserted; the others are duplicates.
                for (var i = 0; i < rows; i++)
                {
                    outcomes[start + i] = new AppendOutcome(inserted.Remove(mentions[start + i].Id, out var seq) ? seq : null);
                }

                if (!ReferenceEquals(command, full))
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return outcomes;
    }

    private static DbCommand MultiRowInsert(DbConnection connection, DbTransaction transaction, int rows)
    {
        var sql = new System.Text.StringBuilder("INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("(@i").Append(i).Append(", @partition, @a").Append(i).Append(", @received, @p").Append(i).Append(')');
        }

        sql.Append(" ON CONFLICT (mention_id) DO NOTHING RETURNING seq, mention_id");
        var command = connection.Command(sql.ToString(), transaction);
        command.Parameter("partition", "");
        command.Parameter("received", 0L);
        for (var i = 0; i < rows; i++)
        {
            command.Parameter($"i{i}", "");
            command.Parameter($"a{i}", "");
            command.Parameter($"p{i}", Array.Empty<byte>());
        }

        return command;
    }

    /// <summary>
    /// PostgreSQL is a round trip away: the whole group is one statement over arrays, inserted in their order
    /// (ORDER BY ordinality), so sequences still follow the order the requests arrived in.
    /// </summary>
    private static async Task<AppendOutcome[]> AppendAllAtOnceAsync(DbConnection connection, DbTransaction transaction, string partition, long received,
        IReadOnlyList<Mention> mentions, byte[][] payloads, CancellationToken cancellationToken)
    {
        var ids = new string[mentions.Count];
        var authors = new string[mentions.Count];
        for (var i = 0; i < mentions.Count; i++)
        {
            ids[i] = mentions[i].Id;
            authors[i] = mentions[i].AuthorId;
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
        await using var connection = await database.OpenLogAsync(cancellationToken);
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
        await using var connection = await database.OpenForLogWriteAsync(cancellationToken);
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

    public async Task<bool> HasUncheckpointedAsync(string partition, CancellationToken cancellationToken) =>
        await GetLastSequenceAsync(partition, cancellationToken) > await GetCheckpointAsync(partition, cancellationToken);

    public async Task<HashSet<string>> MentionIdsByAuthorAsync(string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenLogAsync(cancellationToken);
        await using var command = connection.Command("SELECT mention_id FROM mention_log WHERE author_id = @author");
        command.Parameter("author", authorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<List<string>> ConversationIdsByAuthorAsync(string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenLogAsync(cancellationToken);
        await using var command = connection.Command(database.Provider == StorageProvider.Postgres
            ? "SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'conversationId' FROM mention_log WHERE author_id = @author"
            : "SELECT DISTINCT json_extract(CAST(payload AS TEXT), '$.conversationId') FROM mention_log WHERE author_id = @author");
        command.Parameter("author", authorId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(0))
            {
                ids.Add(reader.GetString(0));
            }
        }

        return ids;
    }

    public async Task<int> EraseAuthorTextAsync(string authorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForLogWriteAsync(cancellationToken);
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
        await using var connection = await database.OpenForLogWriteAsync(cancellationToken);
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
        await using var connection = await database.OpenLogAsync(cancellationToken);
        await using var command = connection.Command(sql);
        command.Parameter("p", partition);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }
}
