namespace ReputationEngine.Analytics.Crm;

/// <summary>An influence score (0..1) and the parts it is made of, so a person can see why.</summary>
public readonly record struct InfluenceScore(double Value, double Reach, double Engagement, double Amplification, double Recency)
{
    public static InfluenceScore None { get; } = new(0, 0, 0, 0, 0);
}
