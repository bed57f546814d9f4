namespace ReputationEngine.Abstractions.Customers;

[GenerateSerializer]
public enum CustomerSort : byte
{
    Influence = 0,
    Risk = 1,
}
