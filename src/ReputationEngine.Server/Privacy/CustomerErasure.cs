using ReputationEngine.Abstractions.Conversations;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Server.Alerts;
using ReputationEngine.Server.MentionLog;
using ReputationEngine.Server.Webhooks;

namespace ReputationEngine.Server.Privacy;

/// <summary>
/// A privacy erasure (DELETE /api/customers/{id}): the customer's profile texts and name, their messages kept
/// in conversation cases, the text of their mentions in the mention log, and their words quoted as evidence in
/// alerts and webhook deliveries. Counts stay everywhere.
/// Conversations are found from the customer's own list and from the mention log (whichever still knows them).
/// Runs from the server rather than from a grain, so no grain waits on another that may wait on it.
/// </summary>
public sealed class CustomerErasure(IGrainFactory grains, IMentionLogStore log, AlertStore alerts, OutboxStore outbox)
{
    /// <summary>Conversation grains erased at once.</summary>
    public const int Parallelism = 32;

    public async Task EraseAsync(string customerId, CancellationToken cancellationToken)
    {
        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        var conversations = new HashSet<string>(await customer.GetConversationIdsAsync(), StringComparer.Ordinal);
        conversations.UnionWith(await log.ConversationIdsByAuthorAsync(customerId, cancellationToken));

        await customer.EraseAsync();
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (id, _) => await grains.GetGrain<IConversationGrain>(id).EraseAuthorAsync(customerId));
        // Alerts quote mentions as evidence samples: forget the words of this customer's mentions there too.
        var mentionIds = await log.MentionIdsByAuthorAsync(customerId, cancellationToken);
        foreach (var topic in await alerts.EraseSampleTextsAsync(mentionIds, cancellationToken))
        {
            await grains.GetGrain<IBrandTopicGrain>(topic).EraseSampleTextsAsync([.. mentionIds]);
        }

        // ...and in webhook deliveries that carry those alerts, pending or dead-lettered.
        await outbox.EraseSampleTextsAsync(mentionIds, cancellationToken);

        await log.EraseAuthorTextAsync(customerId, cancellationToken);
    }
}
