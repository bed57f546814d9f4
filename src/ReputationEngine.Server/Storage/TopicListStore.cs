using ReputationEngine.Grains.TopicLists;

namespace ReputationEngine.Server.Storage;

/// <summary>The topics' customer and case lists in the engine database (deploy/sql/&lt;provider&gt;/*-topic-lists.sql).</summary>
public sealed class TopicListStore(IEngineDatabase database) : ITopicListStore
{
    private const string SelectSql = "SELECT entry_id, payload FROM topic_list_entry WHERE list_name = @list AND topic = @topic";

    private const string UpsertSql = """
        INSERT INTO topic_list_entry (list_name, topic, entry_id, payload) VALUES (@list, @topic, @id, @payload)
        ON CONFLICT (list_name, topic, entry_id) DO UPDATE SET payload = excluded.payload
        """;

    private const string DeleteSql = "DELETE FROM topic_list_entry WHERE list_name = @list AND topic = @topic AND entry_id = @id";

    public async Task<IReadOnlyList<TopicListRow>> LoadAsync(string list, string topic)
    {
        await using var connection = await database.OpenAsync();
        await using var select = connection.Command(SelectSql);
        select.Parameter("list", list);
        select.Parameter("topic", topic);
        var rows = new List<TopicListRow>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new TopicListRow(reader.GetString(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }

    public async Task WriteAsync(string list, string topic, IReadOnlyCollection<TopicListRow> upserts, IReadOnlyCollection<string> deletes)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        if (upserts.Count == 0 && deletes.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenForWriteAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var upsert = connection.Command(UpsertSql, transaction))
        {
            upsert.Parameter("list", list);
            upsert.Parameter("topic", topic);
            var id = upsert.Parameter("id", "");
            var payload = upsert.Parameter("payload", Array.Empty<byte>());
            foreach (var row in upserts)
            {
                id.Value = row.EntryId;
                payload.Value = row.Payload;
                await upsert.ExecuteNonQueryAsync();
            }
        }

        await using (var delete = connection.Command(DeleteSql, transaction))
        {
            delete.Parameter("list", list);
            delete.Parameter("topic", topic);
            var id = delete.Parameter("id", "");
            foreach (var entryId in deletes)
            {
                id.Value = entryId;
                await delete.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }
}
