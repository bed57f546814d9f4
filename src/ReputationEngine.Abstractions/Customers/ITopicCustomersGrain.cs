namespace ReputationEngine.Abstractions.Customers;

/// <summary>
/// A topic's customer list (key: topic id), fed in batches by customer grains when they checkpoint. Bounded:
/// beyond 2 000 entries the customers with the lowest influence and risk are dropped.
/// </summary>
public interface ITopicCustomersGrain : IGrainWithStringKey
{
    Task UpsertAsync(CustomerSummary[] customers);

    Task RemoveAsync(string customerId);

    /// <summary>The top <paramref name="limit"/> customers by <paramref name="sort"/>, highest first.</summary>
    Task<CustomerSummary[]> ListAsync(CustomerSort sort, int limit);
}
