using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Grains.Persistence;
using ReputationEngine.Grains.TopicLists;

namespace ReputationEngine.Grains.Customers;

/// <summary>A topic's bounded customer list; customers push their summary when they checkpoint.</summary>
public sealed class TopicCustomersGrain(
    [PersistentState("topicCustomers", StorageNames.Default)] IPersistentState<TopicCustomersState> legacy,
    ITopicListStore store,
    Serializer serializer,
    ILogger<TopicCustomersGrain> logger)
    : TopicListGrain<CustomerSummary>(store, serializer, logger), ITopicCustomersGrain
{
    protected override string ListName => "customers";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await ImportLegacyStateAsync(legacy, state => state.Customers.Values);
    }

    public Task UpsertAsync(CustomerSummary[] customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        Upsert(customers);
        return Task.CompletedTask;
    }

    public async Task RemoveAsync(string customerId)
    {
        // Erasure: written now, not at the next flush.
        if (Remove(customerId))
        {
            await FlushAsync();
        }
    }

    public Task<CustomerSummary[]> ListAsync(CustomerSort sort, int limit)
    {
        var ordered = sort == CustomerSort.Risk
            ? Entries.OrderByDescending(c => c.Risk).ThenByDescending(c => c.Influence)
            : Entries.OrderByDescending(c => c.Influence).ThenByDescending(c => c.Risk);
        return Task.FromResult(ordered.ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(Math.Max(0, limit)).ToArray());
    }

    protected override string IdOf(CustomerSummary summary) => summary.CustomerId;

    // Keep those staff care about: the most influential or most at risk.
    protected override IEnumerable<CustomerSummary> EvictionOrder(IEnumerable<CustomerSummary> entries) =>
        entries.OrderBy(c => Math.Max(c.Influence, c.Risk));
}
