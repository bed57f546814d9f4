using System.Text.Json;
using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Analytics.Tests.Forecast;

public sealed class CascadeForecasterTests
{
    [Fact]
    public void ForecastFinalShares_NoShares_IsZero()
    {
        var f = new CascadeForecaster();
        f.AddOriginal(1000);
        Assert.Equal(0, f.ForecastFinalShares(600));
    }

    [Fact]
    public void ForecastFinalShares_ActiveCascade_ExceedsObservedAndBeatsStalledOne()
    {
        var active = new CascadeForecaster();
        var stalled = new CascadeForecaster();
        active.AddOriginal(5000);
        stalled.AddOriginal(5000);
        for (var i = 0; i < 200; i++)
        {
            active.AddShare(3000 + (i * 3), 200); // all in the last ten minutes before t = 3600
            stalled.AddShare(i * 3, 200);         // all in the first ten minutes
        }

        var a = active.ForecastFinalShares(3600);
        var s = stalled.ForecastFinalShares(3600);
        Assert.True(a > 200, $"active {a}");
        Assert.True(s >= 200, $"stalled {s}");
        Assert.True(a > s, $"active {a} stalled {s}");
        Assert.True(a <= 200 * CascadeForecaster.MaxGrowthFactor);
    }

    [Fact]
    public void AddShare_BeyondStoredEvents_StaysBoundedAndClose()
    {
        var exact = new CascadeForecaster();
        var bounded = new CascadeForecaster();
        exact.AddOriginal(1000);
        bounded.AddOriginal(1000);
        var events = CascadeForecaster.MaxStoredEvents - 1;
        for (var i = 0; i < events; i++)
        {
            exact.AddShare(i, 100 + (i % 7));
        }

        for (var i = 0; i < events * 3; i++)
        {
            bounded.AddShare(i / 3.0, 100 + (i % 7));
        }

        Assert.True(bounded.ToState().Times.Length <= CascadeForecaster.MaxStoredEvents);
        Assert.Equal(events * 3, bounded.Shares);
        Assert.True(bounded.ForecastFinalShares(3600) > exact.ForecastFinalShares(3600));
    }

    [Fact]
    public void FromState_JsonRoundTrip_ForecastsTheSame()
    {
        var f = new CascadeForecaster();
        f.AddOriginal(800);
        for (var i = 0; i < 50; i++)
        {
            f.AddShare(i * 20, 50 + i);
        }

        var json = JsonSerializer.Serialize(f.ToState());
        var restored = new CascadeForecaster(JsonSerializer.Deserialize<CascadeForecasterState>(json)!);
        Assert.Equal(f.ForecastFinalShares(3600), restored.ForecastFinalShares(3600));
    }

    [Fact]
    public void KernelIntegral_IsACumulativeDistribution()
    {
        var p = SeismicParameters.Default;
        Assert.Equal(0, p.KernelIntegral(0));
        Assert.True(p.KernelIntegral(300) < p.KernelIntegral(3600));
        Assert.InRange(p.KernelIntegral(1e12), 0.99, 1.0);
    }
}
