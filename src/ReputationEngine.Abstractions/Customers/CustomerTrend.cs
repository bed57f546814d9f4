namespace ReputationEngine.Abstractions.Customers;

[GenerateSerializer]
public enum CustomerTrend : byte
{
    Stable = 0,
    Improving = 1,
    Worsening = 2,
}
