namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// What a baseline expects for one bucket, the noise scale around it, and the z-score the
/// topic's routine hourly peaks reach (a spike must beat that too).
/// </summary>
public readonly record struct BaselineEstimate(double Expected, double Scale, bool IsWarm, double UsualPeakZ = 0)
{
    /// <summary>Robust z-score of an observed value against this estimate.</summary>
    public double ZScore(double observed) => (observed - Expected) / Scale;
}
