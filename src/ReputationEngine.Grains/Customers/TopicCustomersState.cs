using ReputationEngine.Abstractions.Customers;

namespace ReputationEngine.Grains.Customers;

[GenerateSerializer]
public sealed class TopicCustomersState
{
    [Id(0)] public Dictionary<string, CustomerSummary> Customers { get; set; } = new(StringComparer.Ordinal);
}
