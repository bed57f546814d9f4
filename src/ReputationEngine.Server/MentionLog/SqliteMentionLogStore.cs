using Microsoft.Data.Sqlite;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.Storage;

namespace ReputationEngine.Server.MentionLog;

/// <summary>The mention log in the embedded SQLite database (deploy/sql/sqlite/003-mention-log.sql).</summary>
public sealed class SqliteMentionLogStore(string connectionString, TimeProvider time) : IMentionLogStore
{
    public Task<AppendOutcome[]> AppendAsync(string partition, IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        var outcomes = new AppendOutcome[mentions.Count];
        using var connection = SqliteDatabase.Open(connectionString);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO mention_log (mention_id, partition, author_id, received_at, payload)
            VALUES (@id, @partition, @author, @received, @payload)
            ON CONFLICT (mention_id) DO NOTHING
            RETURNING seq
            """;
        var id = insert.Parameters.Add("@id", SqliteType.Text);
        insert.Parameters.AddWithValue("@partition", partition);
        var author = insert.Parameters.Add("@author", SqliteType.Text);
        insert.Parameters.AddWithValue("@received", time.GetUtcNow().ToUnixTimeMilliseconds());
        var payload = insert.Parameters.Add("@payload", SqliteType.Blob);
        insert.Prepare();
        for (var i = 0; i < mentions.Count; i++)
        {
            id.Value = mentions[i].Id;
            author.Value = mentions[i].AuthorId;
            payload.Value = MentionSerializer.Serialize(mentions[i]);
            outcomes[i] = new AppendOutcome(insert.ExecuteScalar() is long seq ? seq : null);
        }

        transaction.Commit();
        return Task.FromResult(outcomes);
    }

    public Task<IReadOnlyList<LoggedMention>> ReadAsync(string partition, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        using var connection = SqliteDatabase.Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, payload FROM mention_log WHERE partition = @p AND seq > @after ORDER BY seq LIMIT @limit";
        command.Parameters.AddWithValue("@p", partition);
        command.Parameters.AddWithValue("@after", afterSequence);
        command.Parameters.AddWithValue("@limit", limit);
        using var reader = command.ExecuteReader();
        var result = new List<LoggedMention>();
        while (reader.Read())
        {
            result.Add(new LoggedMention(reader.GetInt64(0), MentionSerializer.Deserialize((byte[])reader.GetValue(1))));
        }

        return Task.FromResult<IReadOnlyList<LoggedMention>>(result);
    }

    public Task<long> GetLastSequenceAsync(string partition, CancellationToken cancellationToken) =>
        Task.FromResult(Scalar("SELECT IFNULL(MAX(seq), 0) FROM mention_log WHERE partition = @p", partition));

    public Task<long> GetCheckpointAsync(string partition, CancellationToken cancellationToken) =>
        Task.FromResult(Scalar("SELECT IFNULL(MAX(applied_seq), 0) FROM ingest_checkpoint WHERE partition = @p", partition));

    public Task SetCheckpointAsync(string partition, long sequence, CancellationToken cancellationToken)
    {
        using var connection = SqliteDatabase.Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ingest_checkpoint (partition, applied_seq, updated_at) VALUES (@p, @seq, @now)
            ON CONFLICT (partition) DO UPDATE SET applied_seq = MAX(applied_seq, excluded.applied_seq), updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("@p", partition);
        command.Parameters.AddWithValue("@seq", sequence);
        command.Parameters.AddWithValue("@now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public Task<int> EraseAuthorTextAsync(string authorId, CancellationToken cancellationToken)
    {
        using var connection = SqliteDatabase.Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE mention_log
            SET payload = CAST(json_set(CAST(payload AS TEXT), '$.text', '', '$.authorName', NULL) AS BLOB)
            WHERE author_id = @author
            """;
        command.Parameters.AddWithValue("@author", authorId);
        return Task.FromResult(command.ExecuteNonQuery());
    }

    public Task<int> PruneAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        using var connection = SqliteDatabase.Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM mention_log
            WHERE received_at < @before
              AND seq <= IFNULL((SELECT applied_seq FROM ingest_checkpoint c WHERE c.partition = mention_log.partition), 0)
            """;
        command.Parameters.AddWithValue("@before", olderThan.ToUnixTimeMilliseconds());
        return Task.FromResult(command.ExecuteNonQuery());
    }

    private long Scalar(string sql, string partition)
    {
        using var connection = SqliteDatabase.Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@p", partition);
        return (long)command.ExecuteScalar()!;
    }
}
