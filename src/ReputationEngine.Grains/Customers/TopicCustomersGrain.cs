using Microsoft.Extensions.Logging;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

/// <summary>A topic's bounded customer list; customers push their summary when they checkpoint.</summary>
public sealed class TopicCustomersGrain : Grain, ITopicCustomersGrain
{
    public const int MaxCustomers = 2_000;

    /// <summary>Evictions free this many places at once, so a full list does not sort on every upsert.</summary>
    public const int EvictionSlack = 100;

    private readonly CoalescedState<TopicCustomersState> _state;

    public TopicCustomersGrain(
        [PersistentState("topicCustomers", StorageNames.Default)] IPersistentState<TopicCustomersState> state,
        ILogger<TopicCustomersGrain> logger) => _state = new CoalescedState<TopicCustomersState>(state, logger);

    private Dictionary<string, CustomerSummary> Customers => _state.Value.Customers;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_state.FlushAsync, CoalescedState<TopicCustomersState>.SafetyFlushPeriod, CoalescedState<TopicCustomersState>.SafetyFlushPeriod);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await _state.FlushAsync();

    public Task UpsertAsync(CustomerSummary[] customers)
    {
        ArgumentNullException.ThrowIfNull(customers);
        foreach (var customer in customers)
        {
            Customers[customer.CustomerId] = customer;
        }

        if (Customers.Count > MaxCustomers)
        {
            // Keep those staff care about: the most influential or most at risk.
            foreach (var evicted in Customers.Values.OrderBy(Retention).Take(Customers.Count - MaxCustomers + EvictionSlack).ToArray())
            {
                Customers.Remove(evicted.CustomerId);
            }
        }

        _state.MarkDirty();
        return Task.CompletedTask;
    }

    public async Task RemoveAsync(string customerId)
    {
        if (Customers.Remove(customerId))
        {
            _state.MarkDirty();
            await _state.FlushAsync();
        }
    }

    public Task<CustomerSummary[]> ListAsync(CustomerSort sort, int limit)
    {
        var ordered = sort == CustomerSort.Risk
            ? Customers.Values.OrderByDescending(c => c.Risk).ThenByDescending(c => c.Influence)
            : Customers.Values.OrderByDescending(c => c.Influence).ThenByDescending(c => c.Risk);
        return Task.FromResult(ordered.ThenBy(c => c.CustomerId, StringComparer.Ordinal).Take(Math.Max(0, limit)).ToArray());
    }

    private static double Retention(CustomerSummary c) => Math.Max(c.Influence, c.Risk);
}
