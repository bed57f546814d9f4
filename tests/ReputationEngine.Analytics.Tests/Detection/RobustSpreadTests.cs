using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Analytics.Tests.Detection;

/// <summary>
/// The spread read off sorted values by merging their deviation runs must be the very value the sort-based form gives:
/// the detectors' scale (and so every alert) depends on it bit for bit.
/// </summary>
public sealed class RobustSpreadTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(31, 3)]
    [InlineData(2015, 4)]
    [InlineData(2016, 5)]
    public void OfSortedFloats_EqualsTheSortingForm(int count, int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            // Counts' prediction errors: mostly small, many ties, a few large bursts on either side.
            var values = new float[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = random.Next(10) == 0 ? (float)((random.NextDouble() - 0.3) * 500) : random.Next(-6, 7) + (round % 2 == 0 ? 0 : 0.37f);
            }

            Array.Sort(values);
            var doubles = values.Select(v => (double)v).ToArray();

            Assert.Equal(RobustSpread.OfSorted(doubles.AsSpan()), RobustSpread.OfSorted((ReadOnlySpan<float>)values));
        }
    }

    [Fact]
    public void OfSortedFloats_AllEqual_IsZero()
    {
        float[] values = [3, 3, 3, 3];
        Assert.Equal(0, RobustSpread.OfSorted((ReadOnlySpan<float>)values));
    }

    [Fact]
    public void Baseline_PastTheErrorWindow_ScaleIsTheSpreadOfItsStoredErrors()
    {
        // Past the error window every bucket evicts the oldest error from the kept order; the scale must still be the
        // spread of exactly the errors its state holds, sorted afresh. Bursts make the spread beat the Poisson floor.
        var random = new Random(7);
        var baseline = new SeasonalBaseline(60);
        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var bucket = 0; bucket < SeasonalBaseline.ErrorBuckets + 300; bucket++)
        {
            var ticks = start + (bucket * TimeSpan.TicksPerMinute);
            baseline.Add(ticks, 100 + random.Next(-40, 41) + (random.Next(8) == 0 ? random.Next(100, 400) : 0));
            if (bucket < SeasonalBaseline.ErrorBuckets - 5)
            {
                continue;
            }

            var errors = baseline.ToState().PredictionErrors!.Select(e => (double)e).ToArray();
            Array.Sort(errors);
            var next = baseline.Estimate(ticks + TimeSpan.TicksPerMinute, 0);
            var expectedScale = Math.Max(Math.Max(RobustSpread.OfSorted(errors.AsSpan()), Math.Sqrt(Math.Max(next.Expected, 1))), 1);
            Assert.Equal(expectedScale, next.Scale);
        }
    }
}
