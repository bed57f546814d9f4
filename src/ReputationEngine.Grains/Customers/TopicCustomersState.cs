using ReputationEngine.Abstractions.Customers;

namespace ReputationEngine.Grains.Customers;

/// <summary>How an earlier version kept the whole list as one grain state; read once to move it into rows.</summary>
[GenerateSerializer]
public sealed class TopicCustomersState
{
    [Id(0)] public Dictionary<string, CustomerSummary> Customers { get; set; } = new(StringComparer.Ordinal);
}
