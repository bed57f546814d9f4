using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Storage;
using ReputationEngine.Server.Webhooks;

namespace ReputationEngine.Server.Privacy;

/// <summary>
/// A privacy erasure (DELETE /api/customers/{id}): the customer's profile texts and name, their messages kept
/// in conversation cases, the text of their mentions in the mention log, and their words quoted as evidence in
/// alerts and webhook deliveries. Counts stay everywhere.
/// Conversations are found from the customer's own list and from the mention log (whichever still knows them).
/// Runs from the server rather than from a grain, so no grain waits on another that may wait on it.
/// </summary>
public sealed class CustomerErasure(IGrainFactory grains, IEngineDatabase database, IMentionLogStore log, AlertStore alerts, OutboxStore outbox)
{
    /// <summary>Conversation grains erased at once.</summary>
    public const int Parallelism = 32;

    public async Task EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        var conversations = new HashSet<string>(await customer.GetConversationIdsAsync(), StringComparer.Ordinal);
        conversations.UnionWith(await LoggedConversationsAsync(customerId, cancellationToken));

        await customer.EraseAsync();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (id, _) => await grains.GetGrain<IConversationGrain>(id).EraseAuthorAsync(customerId));
        // Alerts quote mentions as evidence samples: forget the words of this customer's mentions there too.
        var mentionIds = await LoggedMentionIdsAsync(customerId, cancellationToken);
        foreach (var topic in await alerts.EraseSampleTextsAsync(mentionIds, cancellationToken))
        {
            await grains.GetGrain<IBrandTopicGrain>(topic).EraseSampleTextsAsync([.. mentionIds]);
        }

        // ...and in webhook deliveries that carry those alerts, pending or dead-lettered.
        await outbox.EraseSampleTextsAsync(mentionIds, cancellationToken);

        await log.EraseAuthorTextAsync(customerId, cancellationToken);
    }

    private async Task<HashSet<string>> LoggedMentionIdsAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT mention_id FROM mention_log WHERE author_id = @author");
        command.Parameter("author", customerId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<string>> LoggedConversationsAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(database.Provider == StorageProvider.Postgres
            ? "SELECT DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'conversationId' FROM mention_log WHERE author_id = @author"
            : "SELECT DISTINCT json_extract(CAST(payload AS TEXT), '$.conversationId') FROM mention_log WHERE author_id = @author");
        command.Parameter("author", customerId);
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
}
