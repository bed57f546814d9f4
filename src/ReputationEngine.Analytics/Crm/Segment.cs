namespace ReputationEngine.Analytics.Crm;

/// <summary>Where a customer stands with the brand; values match the contract's customer segment.</summary>
public enum Segment : byte
{
    Neutral = 0,
    Advocate = 1,
    Detractor = 2,
    AtRisk = 3,
}
