namespace ReputationEngine.LoadTests.Traffic;

/// <summary>The few random distributions the traffic needs, driven by a seeded <see cref="Random"/>.</summary>
public static class Distributions
{
    /// <summary>Above this mean a Poisson draw uses the normal approximation.</summary>
    private const double PoissonNormalThreshold = 30;

    public static double Exponential(Random rng, double mean) => -mean * Math.Log(1 - rng.NextDouble());

    public static double StandardNormal(Random rng)
    {
        // Box–Muller; one of the pair is enough here.
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double LogNormal(Random rng, double median, double sigma) => median * Math.Exp(sigma * StandardNormal(rng));

    public static int Poisson(Random rng, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > PoissonNormalThreshold)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * StandardNormal(rng)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }

    /// <summary>Index into <paramref name="cumulative"/> (ascending, last = 1) for a uniform draw.</summary>
    public static int PickCumulative(Random rng, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, rng.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    /// <summary>Cumulative Zipf weights: item k has weight 1/(k+1)^exponent.</summary>
    public static double[] ZipfCumulative(int count, double exponent)
    {
        var cumulative = new double[count];
        var sum = 0.0;
        for (var k = 0; k < count; k++)
        {
            sum += 1 / Math.Pow(k + 1, exponent);
            cumulative[k] = sum;
        }

        for (var k = 0; k < count; k++)
        {
            cumulative[k] /= sum;
        }

        return cumulative;
    }
}
