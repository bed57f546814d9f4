namespace ReputationEngine.Abstractions.Customers;

[GenerateSerializer]
public enum CustomerSegment : byte
{
    Neutral = 0,
    Advocate = 1,
    Detractor = 2,
    AtRisk = 3,
}
