namespace ReputationEngine.Analytics.Forecast;

/// <summary>Plain-data snapshot of a <see cref="CascadeForecaster"/> for grain persistence.</summary>
/// <param name="Times">Event times in seconds since the original post (older ones may be merged).</param>
/// <param name="Followers">Followers behind each stored event (summed when merged).</param>
/// <param name="SharesPerEvent">Shares behind each stored event (0 for the original post, summed when merged).</param>
/// <param name="Shares">Shares seen so far (the original post is not a share).</param>
public sealed record CascadeForecasterState(double[] Times, double[] Followers, double[] SharesPerEvent, long Shares);
