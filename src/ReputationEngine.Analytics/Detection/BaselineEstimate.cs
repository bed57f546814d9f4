namespace ReputationEngine.Analytics.Detection;

/// <summary>What a baseline expects for one bucket, and the noise scale around it.</summary>
public readonly record struct BaselineEstimate(double Expected, double Scale, bool IsWarm)
{
    /// <summary>Robust z-score of an observed value against this estimate.</summary>
    public double ZScore(double observed) => (observed - Expected) / Scale;
}
