namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Expected value per event-time bucket: a time-of-day (later time-of-week) profile in 5-minute slots plus the
/// median of recent residuals against it, with a robust noise scale of recent prediction errors (MAD or upper tail,
/// floored by Poisson noise) and an accumulated excess (CUSUM) for rises too gradual for any one bucket.
/// Before enough history exists the profile is zero, so the estimate is a plain robust median.
/// The median of recent residuals follows a level shift within half the recent window, which is
/// what keeps a shifted level from alerting again.
/// </summary>
public sealed class SeasonalBaseline
{
    /// <summary>Buckets in the robust recent window.</summary>
    public const int RecentBuckets = 120;

    /// <summary>Profile resolution: fine enough that a daily ramp is not smeared into a false spike.</summary>
    public const int SlotMinutes = 5;

    public const int DaySlots = 24 * 60 / SlotMinutes;
    public const int WeekSlots = 7 * DaySlots;

    private const long SlotTicks = SlotMinutes * TimeSpan.TicksPerMinute;

    /// <summary>History needed before the daily (weekly) profile is trusted.</summary>
    public static readonly TimeSpan DailyAfter = TimeSpan.FromDays(2);

    public static readonly TimeSpan WeeklyAfter = TimeSpan.FromDays(14);

    /// <summary>Profiles forget with a memory of about this many periods.</summary>
    public const double ProfileMemoryPeriods = 4;

    /// <summary>Values folded into a learned profile slot are clipped to its mean ± this many scales, so spikes barely teach it.</summary>
    public const double ProfileClipZ = 3;

    /// <summary>A slot counts as learned (and starts clipping) after this many periods of visits.</summary>
    public const int ProfileClipAfterPeriods = 2;

    private const double MinScale = 1;

    /// <summary>Upper quantile of recent residuals used for the tail-aware scale (<see cref="RobustSpread"/>).</summary>
    public const double TailQuantile = RobustSpread.TailQuantile;

    /// <summary>Prediction errors needed before the scale is taken from them rather than from in-sample residuals (restored older state).</summary>
    private const int MinPredictionErrors = 30;

    /// <summary>
    /// Prediction errors the noise scale is taken from: a week of 5-minute buckets (34 hours of 1-minute ones). Far longer
    /// than the <see cref="RecentBuckets"/> the level follows, so the scale knows the topic's usual bursts and quiet spells
    /// rather than only the last few hours: a calm afternoon does not make the evening's ordinary bursts look alarming, and
    /// one burst does not blind the detector for the hours after it.
    /// </summary>
    public const int ErrorBuckets = WeekSlots;

    /// <summary>
    /// Accumulated excess (one-sided CUSUM of z-scores): each closed bucket adds its z minus this slack, so a rise of
    /// about twice the slack is what it is tuned for; ordinary noise (z around 0) drains it back to zero.
    /// </summary>
    public const double CusumSlack = 1;

    /// <summary>One bucket adds at most this much, so a single outlier does not count as a sustained rise (the single-bucket test judges those).</summary>
    public const double CusumCap = 4;

    /// <summary>
    /// Buckets whose mean z-score the anomaly likelihood judges (two hours of 5-minute buckets): longer than a burst,
    /// shorter than the <see cref="RecentBuckets"/> the level follows.
    /// </summary>
    public const int LikelihoodBuckets = 24;

    /// <summary>Weight of each new mean in the long-run average and variance of the recent mean z (a memory of about <see cref="ErrorBuckets"/>).</summary>
    public const double LikelihoodAlpha = 1.0 / ErrorBuckets;

    /// <summary>Means of the recent z-scores needed before their long-run distribution is trusted (a day of 5-minute buckets).</summary>
    public const int LikelihoodWarmup = 288;

    private readonly double _bucketSeconds;
    private readonly double[] _values = new double[RecentBuckets];
    private readonly long[] _ticks = new long[RecentBuckets];
    private readonly double[] _expectedAtClose = new double[RecentBuckets];
    private readonly double[] _dayMeans = new double[DaySlots];
    private readonly long[] _dayVisits = new long[DaySlots];
    private readonly double[] _weekMeans = new double[WeekSlots];
    private readonly long[] _weekVisits = new long[WeekSlots];
    private readonly double[] _scratch = new double[RecentBuckets];

    // Prediction errors, oldest overwritten first; single precision halves the memory and is ample for counts.
    private readonly float[] _errors = new float[ErrorBuckets];

    // The same errors in ascending order (NaN first, as a sort puts them), kept so as each error enters and the oldest
    // leaves: a refresh reads the spread off them instead of sorting the week of errors twice per closed bucket.
    private readonly float[] _sortedErrors = new float[ErrorBuckets];

    // Sorting buffer for errors that are not all finite, one per thread rather than per topic (a grain's turn never yields inside Refresh).
    [ThreadStatic]
    private static double[]? t_errorScratch;

    private int _errorNext;
    private int _errorCount;
    private int _next;
    private int _count;
    private long _firstTicks = long.MinValue;
    private long _lastTicks = long.MinValue;
    private long _buckets;
    private readonly PeakMemory _peaks = new();
    private double _residualMedian;
    private double _residualSigma;
    private double _cusum;
    private int _cusumBuckets;
    private double _cusumObserved;
    private double _cusumExpected;

    // Anomaly likelihood: the last LikelihoodBuckets capped z-scores, and the long-run mean and variance of their mean.
    private readonly float[] _recentZ = new float[LikelihoodBuckets];
    private int _recentZNext;
    private int _recentZCount;
    private long _zMeans;
    private double _zMeanAverage;
    private double _zMeanVariance;
    private double _likelihoodZ;


    public SeasonalBaseline(double bucketSeconds)
    {
        _bucketSeconds = bucketSeconds;
    }

    public SeasonalBaseline(double bucketSeconds, SeasonalBaselineState state)
        : this(bucketSeconds)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.DayMeans.AsSpan().CopyTo(_dayMeans);
        state.DayVisits.AsSpan().CopyTo(_dayVisits);
        state.WeekMeans.AsSpan().CopyTo(_weekMeans);
        state.WeekVisits.AsSpan().CopyTo(_weekVisits);
        _firstTicks = state.FirstTicks;
        _lastTicks = state.LastTicks;
        _buckets = state.Buckets;
        _peaks = new PeakMemory(state.HourlyPeaks, state.PeakHour, state.PeakHourMax);
        _cusum = state.Cusum;
        _cusumBuckets = state.CusumBuckets;
        _cusumObserved = state.CusumObserved;
        _cusumExpected = state.CusumExpected;
        foreach (var z in (state.RecentZ ?? []).AsSpan(Math.Max(0, (state.RecentZ?.Length ?? 0) - LikelihoodBuckets)))
        {
            PushZ(z);
        }

        _zMeans = state.ZMeans;
        _zMeanAverage = state.ZMeanAverage;
        _zMeanVariance = state.ZMeanVariance;
        _likelihoodZ = state.LikelihoodZ;
        // Snapshots from before the long error window seed it with the recent buckets' errors.
        var seedErrors = state.PredictionErrors is null;
        foreach (var error in (state.PredictionErrors ?? []).AsSpan(Math.Max(0, (state.PredictionErrors?.Length ?? 0) - ErrorBuckets)))
        {
            PushError(error);
        }

        var n = Math.Min(RecentBuckets, state.RecentValues.Length);
        for (var i = state.RecentValues.Length - n; i < state.RecentValues.Length; i++)
        {
            Push(state.RecentValues[i], state.RecentTicks[i], state.RecentExpected is { } e && i < e.Length ? e[i] : double.NaN, seedErrors);
        }

        Refresh();
    }

    /// <summary>Buckets folded in so far.</summary>
    public long Buckets => _buckets;

    /// <summary>Expectation for the bucket starting at <paramref name="bucketStartTicks"/> (UTC ticks).</summary>
    public BaselineEstimate Estimate(long bucketStartTicks, int warmupBuckets)
    {
        var expected = Math.Max(0, Profile(bucketStartTicks) + _residualMedian);
        var scale = Math.Max(Math.Max(_residualSigma, Math.Sqrt(Math.Max(expected, 1))), MinScale);
        return new BaselineEstimate(expected, scale, _buckets >= warmupBuckets, _peaks.UsualPeak);
    }

    /// <summary>Whether a time-of-day profile is in use (two days of history).</summary>
    public bool HasProfile => _firstTicks != long.MinValue && _lastTicks - _firstTicks >= DailyAfter.Ticks;

    /// <summary>
    /// A sustained rise over the last <paramref name="buckets"/> closed buckets: their mean observed and mean expected
    /// (current profile + residual level), and the z-score of that mean, whose noise shrinks with √buckets.
    /// A rise too gradual for any single bucket to stand out shows here first.
    /// </summary>
    public (double Observed, double Expected, double Z) Sustained(int buckets)
    {
        var n = Math.Min(buckets, _count);
        // Only buckets judged against the time-of-day profile when they closed: just after it comes into use, the
        // expectations of the buckets before it still carry the daily ramp.
        if (n == 0 || _ticks[(_next - n + RecentBuckets) % RecentBuckets] - _firstTicks <= DailyAfter.Ticks)
        {
            return (0, 0, 0);
        }

        double observed = 0, expected = 0;
        for (var i = 1; i <= n; i++)
        {
            var at = (_next - i + RecentBuckets) % RecentBuckets;
            observed += _values[at];
            // What was expected when the bucket closed: the profile has since learned from the rise itself.
            var then = _expectedAtClose[at];
            expected += double.IsNaN(then) ? Math.Max(0, Profile(_ticks[at]) + _residualMedian) : then;
        }

        observed /= n;
        expected /= n;
        var scale = Math.Max(Math.Max(_residualSigma, Math.Sqrt(Math.Max(expected, 1))), MinScale) / Math.Sqrt(n);
        return (observed, expected, (observed - expected) / scale);
    }

    /// <summary>
    /// The accumulated excess (one-sided CUSUM of capped z-scores, each judged against what was expected when its bucket
    /// closed), the buckets since it was last zero, and their mean observed and expected. Only accumulates once the
    /// time-of-day profile is in use.
    /// </summary>
    public (double Sum, int Buckets, double Observed, double Expected) Cusum =>
        _cusumBuckets == 0 ? (0, 0, 0, 0) : (_cusum, _cusumBuckets, _cusumObserved / _cusumBuckets, _cusumExpected / _cusumBuckets);


    /// <summary>
    /// Anomaly likelihood as a z-score: how far the mean z of the last <see cref="LikelihoodBuckets"/> closed buckets stands above
    /// its own long-run average, in its long-run standard deviations (0 until <see cref="LikelihoodWarmup"/> means exist).
    /// Only accumulates once the time-of-day profile is in use.
    /// </summary>
    public double LikelihoodZ => _likelihoodZ;

    /// <summary>Starts accumulating afresh (after it has fired, so a continuing rise must build up again to update).</summary>
    public void ResetCusum()
    {
        _cusum = 0;
        _cusumBuckets = 0;
        _cusumObserved = 0;
        _cusumExpected = 0;
    }

    /// <summary>Folds one closed bucket in.</summary>
    public void Add(long bucketStartTicks, double value)
    {
        if (_firstTicks == long.MinValue)
        {
            _firstTicks = bucketStartTicks;
        }

        var estimate = Estimate(bucketStartTicks, 0);
        var z = estimate.ZScore(value);
        _peaks.Add(bucketStartTicks, z);
        if (HasProfile)
        {
            // Against the time-of-day profile only: before it, a daily ramp is exactly such a rise.
            _cusum = Math.Max(0, _cusum + Math.Min(z, CusumCap) - CusumSlack);
            if (_cusum == 0)
            {
                _cusumBuckets = 0;
                _cusumObserved = 0;
                _cusumExpected = 0;
            }
            else
            {
                _cusumBuckets++;
                _cusumObserved += value;
                _cusumExpected += estimate.Expected;
            }

            UpdateLikelihood(z);
        }

        _lastTicks = bucketStartTicks;
        _buckets++;
        UpdateProfile(_dayMeans, _dayVisits, DaySlot(bucketStartTicks), value);
        UpdateProfile(_weekMeans, _weekVisits, WeekSlot(bucketStartTicks), value);
        Push(value, bucketStartTicks, estimate.Expected, recordError: true);
        Refresh();
    }

    public SeasonalBaselineState ToState()
    {
        var values = new double[_count];
        var ticks = new long[_count];
        var expected = new double[_count];
        for (var i = 0; i < _count; i++)
        {
            var at = (_next - _count + i + RecentBuckets) % RecentBuckets;
            values[i] = _values[at];
            ticks[i] = _ticks[at];
            expected[i] = _expectedAtClose[at];
        }

        var errors = new float[_errorCount];
        for (var i = 0; i < _errorCount; i++)
        {
            errors[i] = _errors[(_errorNext - _errorCount + i + ErrorBuckets) % ErrorBuckets];
        }

        var recentZ = new float[_recentZCount];
        for (var i = 0; i < _recentZCount; i++)
        {
            recentZ[i] = _recentZ[(_recentZNext - _recentZCount + i + LikelihoodBuckets) % LikelihoodBuckets];
        }

        var (peaks, hour, max) = _peaks.ToState();
        return new SeasonalBaselineState(values, ticks, (double[])_dayMeans.Clone(), (long[])_dayVisits.Clone(),
            (double[])_weekMeans.Clone(), (long[])_weekVisits.Clone(), _firstTicks, _lastTicks, _buckets, peaks, hour, max, expected,
            _cusum, _cusumBuckets, _cusumObserved, _cusumExpected, errors, recentZ, _zMeans, _zMeanAverage, _zMeanVariance, _likelihoodZ);
    }

    private static int DaySlot(long ticks) => (int)(ticks / SlotTicks % DaySlots);

    // DateTime ticks start on a Monday (0001-01-01), so this is the UTC slot of the week.
    private static int WeekSlot(long ticks) => (int)(ticks / SlotTicks % WeekSlots);

    private double Profile(long ticks)
    {
        if (_firstTicks == long.MinValue)
        {
            return 0;
        }

        var history = _lastTicks - _firstTicks;
        if (history >= WeeklyAfter.Ticks)
        {
            return _weekMeans[WeekSlot(ticks)];
        }

        return history >= DailyAfter.Ticks ? _dayMeans[DaySlot(ticks)] : 0;
    }

    private void UpdateProfile(double[] means, long[] visits, int slot, double value)
    {
        // A slot is visited this many times per period (day or week).
        var visitsPerPeriod = Math.Max(1, SlotTicks / (_bucketSeconds * TimeSpan.TicksPerSecond));
        var minAlpha = 1 / (visitsPerPeriod * ProfileMemoryPeriods);
        if (visits[slot] >= ProfileClipAfterPeriods * visitsPerPeriod)
        {
            // Once the slot is learned, a spike may only nudge it: clip to its usual range.
            var band = ProfileClipZ * Math.Max(Math.Sqrt(Math.Max(means[slot], 1)), _residualSigma);
            value = Math.Clamp(value, means[slot] - band, means[slot] + band);
        }

        visits[slot]++;
        var alpha = Math.Max(1.0 / visits[slot], minAlpha);
        means[slot] += alpha * (value - means[slot]);
    }

    private void Push(double value, long ticks, double expected, bool recordError)
    {
        if (recordError && !double.IsNaN(expected))
        {
            PushError((float)(value - expected));
        }

        _values[_next] = value;
        _ticks[_next] = ticks;
        _expectedAtClose[_next] = expected;
        _next = (_next + 1) % RecentBuckets;
        _count = Math.Min(_count + 1, RecentBuckets);
    }

    // HTM-style anomaly likelihood, on z-scores instead of an HTM's prediction errors: the mean of the last few buckets'
    // z (capped like the accumulated excess's, so one outlier does not dominate) against the long-run distribution of
    // that same mean. A series whose z-scores usually wander (autocorrelated noise, a loose profile) has a wide
    // distribution and needs a large mean; one that is usually tightly predicted flags a modest but sustained departure
    // that no fixed threshold on the z-scores themselves would. Judged before the new mean joins its distribution.
    private void UpdateLikelihood(double z)
    {
        PushZ((float)Math.Clamp(z, -CusumCap, CusumCap));
        if (_recentZCount < LikelihoodBuckets)
        {
            return;
        }

        double mean = 0;
        for (var i = 0; i < LikelihoodBuckets; i++)
        {
            mean += _recentZ[i];
        }

        mean /= LikelihoodBuckets;
        _likelihoodZ = _zMeans >= LikelihoodWarmup && _zMeanVariance > 0 ? (mean - _zMeanAverage) / Math.Sqrt(_zMeanVariance) : 0;
        _zMeans++;
        var alpha = Math.Max(1.0 / _zMeans, LikelihoodAlpha);
        var deviation = mean - _zMeanAverage;
        _zMeanAverage += alpha * deviation;
        _zMeanVariance = (1 - alpha) * (_zMeanVariance + (alpha * deviation * deviation));
    }

    private void PushZ(float z)
    {
        _recentZ[_recentZNext] = z;
        _recentZNext = (_recentZNext + 1) % LikelihoodBuckets;
        _recentZCount = Math.Min(_recentZCount + 1, LikelihoodBuckets);
    }

    private void PushError(float error)
    {
        var sortedCount = _errorCount;
        if (sortedCount == ErrorBuckets)
        {
            // Any equal value will do: equal floats are the same error (±0 aside, which the spread does not tell apart).
            var oldest = Array.BinarySearch(_sortedErrors, 0, sortedCount, _errors[_errorNext]);
            Array.Copy(_sortedErrors, oldest + 1, _sortedErrors, oldest, sortedCount - oldest - 1);
            sortedCount--;
        }

        var at = Array.BinarySearch(_sortedErrors, 0, sortedCount, error);
        at = at >= 0 ? at : ~at;
        Array.Copy(_sortedErrors, at, _sortedErrors, at + 1, sortedCount - at);
        _sortedErrors[at] = error;

        _errors[_errorNext] = error;
        _errorNext = (_errorNext + 1) % ErrorBuckets;
        _errorCount = Math.Min(_errorCount + 1, ErrorBuckets);
    }

    // Median of recent residuals against the current profile (the level), and the noise scale; runs once per closed bucket.
    private void Refresh()
    {
        if (_count == 0)
        {
            _residualMedian = 0;
            _residualSigma = 0;
            return;
        }

        var span = _scratch.AsSpan(0, _count);
        for (var i = 0; i < _count; i++)
        {
            span[i] = _values[i] - Profile(_ticks[i]);
        }

        span.Sort();
        _residualMedian = RobustSpread.Median(span);

        // The scale is the spread of honest prediction errors: observed minus what was expected when the bucket closed.
        // Residuals against the current profile understate it, because the profile has already learned from those very
        // buckets (with 5-minute buckets a slot sees one value a day, so early on it nearly fits them). They are taken
        // over the long error window, not only the recent buckets the level follows.
        if (_errorCount < MinPredictionErrors)
        {
            _residualSigma = RobustSpread.OfSorted(span); // restored from a snapshot without expectations: residuals until enough errors exist
            return;
        }

        var sorted = _sortedErrors.AsSpan(0, _errorCount);
        if (float.IsFinite(sorted[0]) && float.IsFinite(sorted[^1]))
        {
            _residualSigma = RobustSpread.OfSorted((ReadOnlySpan<float>)sorted);
            return;
        }

        var buffer = t_errorScratch ??= new double[ErrorBuckets];
        for (var i = 0; i < _errorCount; i++)
        {
            buffer[i] = sorted[i];
        }

        _residualSigma = RobustSpread.OfSorted(buffer.AsSpan(0, _errorCount));
    }
}
