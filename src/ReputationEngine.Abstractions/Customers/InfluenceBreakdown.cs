namespace ReputationEngine.Abstractions.Customers;

/// <summary>The parts of a customer's influence, each 0..1: audience, reactions caused, second-hand audience, recency.</summary>
[GenerateSerializer, Immutable]
public sealed record InfluenceBreakdown(
    [property: Id(0)] double Reach,
    [property: Id(1)] double Engagement,
    [property: Id(2)] double Amplification,
    [property: Id(3)] double Recency)
{
    public static InfluenceBreakdown None { get; } = new(0, 0, 0, 0);
}
