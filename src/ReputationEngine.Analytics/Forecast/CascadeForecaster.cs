namespace ReputationEngine.Analytics.Forecast;

/// <summary>
/// Predicts the final number of shares of one conversation from the share times and the
/// followers of each sharer seen so far, in the spirit of SEISMIC (a self-exciting point process
/// whose infectiousness is estimated from the exposure already spent). Incremental and bounded:
/// once <see cref="MaxStoredEvents"/> events are stored, the oldest are merged pairwise, which
/// barely changes the forecast because the kernel is flat for old events.
/// </summary>
public sealed class CascadeForecaster
{
    /// <summary>Bound on stored events per conversation (memory and forecast cost).</summary>
    public const int MaxStoredEvents = 1024;

    /// <summary>Forecasts are capped at this multiple of observed shares (supercritical estimates).</summary>
    public const double MaxGrowthFactor = 50;

    private readonly SeismicParameters _parameters;
    private double[] _times;
    private double[] _followers;
    private double[] _shares;
    private int _count;

    // Most conversations are one post that nobody shares: their buffers start empty and grow on demand.
    public CascadeForecaster(SeismicParameters? parameters = null)
    {
        _parameters = parameters ?? SeismicParameters.Default;
        _times = [];
        _followers = [];
        _shares = [];
    }

    public CascadeForecaster(CascadeForecasterState state, SeismicParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        _parameters = parameters ?? SeismicParameters.Default;
        var capacity = state.Times.Length;
        _times = new double[capacity];
        _followers = new double[capacity];
        _shares = new double[capacity];
        state.Times.CopyTo(_times, 0);
        state.Followers.CopyTo(_followers, 0);
        state.SharesPerEvent.CopyTo(_shares, 0);
        _count = state.Times.Length;
        Shares = state.Shares;
    }

    /// <summary>Shares observed so far.</summary>
    public long Shares { get; private set; }

    /// <summary>Records the original post (time zero); it exposes followers but is not a share.</summary>
    public void AddOriginal(double followers) => Append(0, followers, 0);

    /// <summary>Records one share at <paramref name="secondsSincePost"/> by a sharer with <paramref name="followers"/>.</summary>
    public void AddShare(double secondsSincePost, double followers)
    {
        Shares++;
        Append(Math.Max(0, secondsSincePost), followers, 1);
    }

    /// <summary>
    /// The features SEISMIC's prediction is built from at <paramref name="secondsSincePost"/>:
    /// estimated infectiousness p̂ and the followers' exposure still to come.
    /// </summary>
    public (double Infectiousness, double RemainingExposure) Features(double secondsSincePost)
    {
        var t = secondsSincePost;
        var window = _parameters.WindowFraction > 0 ? _parameters.WindowFraction * t : 0;
        double recentShares = 0, exposure = 0, remaining = 0;
        for (var i = 0; i < _count; i++)
        {
            var n = Math.Max(1, _followers[i]);
            var age = t - _times[i];
            var untilHorizon = _parameters.HorizonSeconds > 0 ? _parameters.KernelIntegral(_parameters.HorizonSeconds - _times[i]) : 1;
            remaining += n * Math.Max(0, untilHorizon - _parameters.KernelIntegral(age));
            if (window > 0)
            {
                // Recent shares and the exposure behind them, both under the triangular weight.
                recentShares += _shares[i] * Math.Max(0, 1 - (age / window));
                exposure += n * _parameters.WeightedKernelIntegral(age, window);
            }
            else
            {
                recentShares += _shares[i];
                exposure += n * _parameters.KernelIntegral(age);
            }
        }

        var p = exposure > 0 ? recentShares / exposure : 0;
        return (p, remaining);
    }

    /// <summary>Predicted final number of shares (never below the shares already seen).</summary>
    public double ForecastFinalShares(double secondsSincePost) =>
        Predict(Shares, Features(secondsSincePost), _parameters);

    /// <summary>The SEISMIC point prediction from features; shared with the fitting code.</summary>
    public static double Predict(long shares, (double Infectiousness, double RemainingExposure) features, SeismicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (shares == 0)
        {
            return 0;
        }

        var cap = shares * MaxGrowthFactor;
        var denominator = 1 - (parameters.Gamma * features.Infectiousness);
        if (denominator <= 0)
        {
            return cap;
        }

        var more = parameters.Alpha * features.Infectiousness * features.RemainingExposure / denominator;
        return Math.Clamp(shares + more, shares, cap);
    }

    public CascadeForecasterState ToState() =>
        new(_times.AsSpan(0, _count).ToArray(), _followers.AsSpan(0, _count).ToArray(), _shares.AsSpan(0, _count).ToArray(), Shares);

    private void Append(double time, double followers, double shares)
    {
        if (_count == MaxStoredEvents)
        {
            CompactOldest();
        }

        if (_count == _times.Length)
        {
            Array.Resize(ref _times, Math.Clamp(_times.Length * 2, 2, MaxStoredEvents));
            Array.Resize(ref _followers, _times.Length);
            Array.Resize(ref _shares, _times.Length);
        }

        _times[_count] = time;
        _followers[_count] = followers;
        _shares[_count] = shares;
        _count++;
    }

    // Merges the older half pairwise: followers add up, time becomes the follower-weighted mean.
    private void CompactOldest()
    {
        var half = _count / 2;
        var write = 0;
        for (var i = 0; i + 1 < half; i += 2)
        {
            var f = _followers[i] + _followers[i + 1];
            _times[write] = f > 0 ? ((_times[i] * _followers[i]) + (_times[i + 1] * _followers[i + 1])) / f : (_times[i] + _times[i + 1]) / 2;
            _followers[write] = f;
            _shares[write] = _shares[i] + _shares[i + 1];
            write++;
        }

        for (var i = half - (half % 2); i < _count; i++)
        {
            _times[write] = _times[i];
            _followers[write] = _followers[i];
            _shares[write] = _shares[i];
            write++;
        }

        _count = write;
    }
}
