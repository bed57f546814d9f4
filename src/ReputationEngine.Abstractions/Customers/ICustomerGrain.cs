using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Customers;

/// <summary>One customer (key: author id): history, running sentiment, influence and segment.</summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Applies this author's mentions; mentions already applied (by log sequence) are skipped.</summary>
    Task ApplyAsync(MentionBatch batch);

    /// <summary>The profile, or null when the customer is unknown.</summary>
    Task<CustomerProfile?> GetProfileAsync();

    /// <summary>Privacy erasure: forgets name and mention texts; aggregate counts stay.</summary>
    Task EraseAsync();

    Task FlushAsync();
}
