using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Grains.Conversations;

/// <summary>Serializable mirror of <see cref="CascadeForecasterState"/>.</summary>
[GenerateSerializer]
public sealed record ForecastState(
    [property: Id(0)] double[] Times,
    [property: Id(1)] double[] Followers,
    [property: Id(2)] double[] SharesPerEvent,
    [property: Id(3)] long Shares)
{
    public static ForecastState From(CascadeForecasterState s) => new(s.Times, s.Followers, s.SharesPerEvent, s.Shares);

    public CascadeForecasterState ToAnalytics() => new(Times, Followers, SharesPerEvent, Shares);
}
