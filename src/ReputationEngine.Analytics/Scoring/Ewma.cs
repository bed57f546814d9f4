namespace ReputationEngine.Analytics.Scoring;

/// <summary>Exponentially weighted moving average: recent values weigh more, history never fully vanishes.</summary>
public static class Ewma
{
    /// <summary>Weight of the newest value for a customer's running sentiment (about the last ten mentions count).</summary>
    public const double DefaultAlpha = 0.2;

    /// <summary>The average after <paramref name="value"/>; the first value (count 0) is taken as is.</summary>
    public static double Update(double average, long countBefore, double value, double alpha = DefaultAlpha)
    {
        if (countBefore <= 0)
        {
            return value;
        }

        return average + (alpha * (value - average));
    }
}
