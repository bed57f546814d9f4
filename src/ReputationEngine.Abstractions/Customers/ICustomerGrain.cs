using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Customers;

/// <summary>One customer (key: author id): history, running sentiment, influence and segment.</summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Applies this author's mentions; mentions already applied (by log sequence) are skipped.</summary>
    /// <returns>
    /// The customer's summary for the topic lists, or null when the customer is not listed (a brand, or nothing applied).
    /// Without topic lists (a replay) it carries no segmentation (segment, reasons, risk, trend): only the influence is read.
    /// </returns>
    Task<CustomerSummary?> ApplyAsync(MentionBatch batch);

    /// <summary>Credits this customer with what others did with the posts they started (from conversation grains).</summary>
    Task CreditEngagementAsync(EngagementCredit credit);

    /// <summary>The profile, or null when the customer is unknown.</summary>
    Task<CustomerProfile?> GetProfileAsync();

    /// <summary>Influence 0..1 (0 for an unknown customer).</summary>
    Task<double> GetInfluenceAsync();

    /// <summary>Conversations this customer wrote in (bounded), so an erasure can reach their texts there.</summary>
    Task<string[]> GetConversationIdsAsync();

    /// <summary>Privacy erasure: forgets name and mention texts (also in the topic lists); aggregate counts stay.</summary>
    Task EraseAsync();

    Task FlushAsync();
}
