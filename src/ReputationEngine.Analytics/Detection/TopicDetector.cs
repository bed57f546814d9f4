using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// All spike detection for one topic, in event time. The grain calls <see cref="Observe"/> for
/// every mention of a batch and then <see cref="Evaluate"/> once with the batch's latest event
/// time; the signals returned say which of the topic's alerts to open, update or resolve.
/// Single-threaded (a grain's turn); state round-trips through <see cref="ToState"/>.
/// </summary>
public sealed class TopicDetector
{
    /// <summary>Conversations tracked per topic for virality; the least recently active are dropped beyond it.</summary>
    public const int MaxConversations = 512;

    /// <summary>Influential complaints remembered between two evaluations.</summary>
    public const int MaxPendingComplaints = 16;

    /// <summary>A conversation needs this many shares before its forecast is trusted.</summary>
    public const int MinSharesForForecast = 20;

    /// <summary>Long silences are filled with at most this many empty buckets (the rest is skipped).</summary>
    public const int MaxGapBuckets = SeasonalBaseline.RecentBuckets;

    /// <summary>Closed buckets whose mean is judged for a sustained rise.</summary>
    public const int SustainedBuckets = 12;

    /// <summary>An accumulated excess (<see cref="SeasonalBaseline.Cusum"/>) this large, in z units, opens a volume spike.</summary>
    public const double CusumThreshold = 9;

    /// <summary>
    /// An accumulated excess of this many times <see cref="CusumThreshold"/> passes a smaller ratio test: its run's mean must exceed
    /// the expected by (<see cref="AlertingSettings.MinRatio"/> − 1) ÷ <see cref="ExtremeRatioDivisor"/> (1.1× with the default 1.5).
    /// </summary>
    public const double ExtremeCusumMultiple = 5;

    /// <summary>How much smaller the relative excess an extreme accumulated excess must show (see <see cref="ExtremeCusumMultiple"/>).</summary>
    public const double ExtremeRatioDivisor = 5;

    /// <summary>
    /// The anomaly likelihood (<see cref="SeasonalBaseline.LikelihoodZ"/>) opens a volume spike at this many long-run standard deviations
    /// of the recent mean z (a tail probability of about 3 × 10⁻⁷).
    /// </summary>
    public const double LikelihoodThreshold = 5;

    /// <summary>
    /// A spike (single bucket or 12-bucket mean) must beat the topic's usual hourly peak by this factor: matching a routine
    /// burst, or exceeding it by a little, is not news. 1.1 until nab9.
    /// </summary>
    public const double RoutinePeakMargin = 1.3;

    /// <summary>
    /// An influential complaint must be rare among complaints from authors with at least 1/this of its audience: a
    /// complainer barely above the topic's previous biggest is not news.
    /// </summary>
    public const double InfluencerRarityMargin = 2;

    /// <summary>Weight of the newest bucket in the negative-share baseline.</summary>
    public const double NegativeShareAlpha = 0.02;

    /// <summary>
    /// A conversation whose shares in the velocity window fall below this fraction of the velocity threshold has stopped
    /// spreading: its forecast no longer counts, and the viral alert resolves once it stays so for the resolve delay.
    /// </summary>
    public const double ViralCalmFraction = 0.25;

    private static readonly int KindCount = Enum.GetValues<AlertKind>().Length;

    private readonly SeismicParameters? _forecastParameters;
    private readonly long _bucketTicks;
    private readonly SeasonalBaseline _volume;
    private readonly SeasonalBaseline _negative;
    private readonly FollowerDistribution _followers;
    private readonly FollowerDistribution _negativeFollowers;
    private readonly EvidenceCollector _evidence;
    private readonly AlertTracker[] _alerts;
    private readonly Dictionary<string, ConversationActivity> _conversations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedConversations = new(StringComparer.Ordinal);
    private readonly List<(MentionObservation Mention, double Ratio)> _complaints = [];
    private readonly RecentPosts _recentPosts = new();

    private long _bucketStart = long.MinValue;
    private long _firstObservedTicks;
    private long _learnedThroughTicks = long.MinValue;
    private double _bucketTotal;
    private double _bucketNegative;
    private double _shareNumerator;
    private double _shareDenominator;
    private BucketPeak _volumePeak;
    private BucketPeak _negativePeak;

    /// <summary>
    /// Restores from <c>state</c> (the live part, or everything when written whole) and <c>learned</c> (what closed buckets
    /// taught, stored apart; when absent, <c>state</c> carries it, as state written before the split does).
    /// </summary>
    public TopicDetector(
        AlertingSettings? settings = null, TopicDetectorState? state = null, SeismicParameters? forecastParameters = null, TopicLearnedState? learned = null)
    {
        Settings = settings ?? AlertingSettings.Default;
        _forecastParameters = forecastParameters;
        _bucketTicks = Settings.Bucket.Ticks;
        if (state is not null && state.BucketSeconds != Settings.BucketSeconds)
        {
            state = null;
        }

        if (learned is null || learned.BucketSeconds != Settings.BucketSeconds)
        {
            // Not stored apart yet: state written whole carries it (or there is nothing to restore).
            learned = state is { Volume: { } volume, NegativeVolume: { } negativeVolume }
                ? new TopicLearnedState(state.BucketSeconds, volume.LastTicks, volume, negativeVolume, state.NegativeShareNumerator,
                    state.NegativeShareDenominator, state.Terms ?? [], state.TermRates ?? [])
                : null;
            LearnedVersion = 1;
        }

        if (learned is null)
        {
            _volume = new SeasonalBaseline(Settings.BucketSeconds);
            _negative = new SeasonalBaseline(Settings.BucketSeconds);
            _evidence = new EvidenceCollector(new TermBaseline());
        }
        else
        {
            _volume = new SeasonalBaseline(Settings.BucketSeconds, learned.Volume);
            _negative = new SeasonalBaseline(Settings.BucketSeconds, learned.NegativeVolume);
            _shareNumerator = learned.NegativeShareNumerator;
            _shareDenominator = learned.NegativeShareDenominator;
            _evidence = new EvidenceCollector(new TermBaseline(learned.Terms, learned.TermRates));
            _learnedThroughTicks = learned.ThroughTicks;
        }

        _alerts = new AlertTracker[KindCount];
        for (var k = 0; k < KindCount; k++)
        {
            _alerts[k] = new AlertTracker((AlertKind)k, state is not null && k < state.Alerts.Length ? state.Alerts[k] : null);
        }

        if (state is null)
        {
            _followers = new FollowerDistribution();
            _negativeFollowers = new FollowerDistribution();
            return;
        }

        _bucketStart = state.BucketStartTicks;
        _bucketTotal = state.BucketTotal;
        _bucketNegative = state.BucketNegative;
        _followers = new FollowerDistribution(state.FollowerHistogram);
        _negativeFollowers = new FollowerDistribution(state.NegativeFollowerHistogram);
        _firstObservedTicks = state.FirstObservedTicks;
        foreach (var c in state.Conversations)
        {
            _conversations[c.Id] = new ConversationActivity(c, forecastParameters);
        }
    }

    public AlertingSettings Settings { get; }

    /// <summary>
    /// Moves whenever what closed buckets taught changes (<see cref="ToLearnedState"/>): 0 when restored from a
    /// <see cref="TopicLearnedState"/>, 1 otherwise, since that learning has not been stored apart yet.
    /// </summary>
    public long LearnedVersion { get; private set; }

    /// <summary>Whether the topic's alert of <paramref name="kind"/> is open.</summary>
    public bool IsOpen(AlertKind kind) => _alerts[(int)kind].IsOpen;

    /// <summary>The tracked conversation, if any (for <c>forecastFinalShares</c> in summaries).</summary>
    public ConversationActivity? Conversation(string id) => _conversations.GetValueOrDefault(id);

    /// <summary>Counts one mention. Mentions older than the current bucket are counted in it (small disorder within a batch is normal).</summary>
    public void Observe(in MentionObservation m)
    {
        Roll(m.CreatedAt.UtcTicks);
        MarkFirstObserved(m.CreatedAt.UtcTicks);
        _bucketTotal++;
        if (m.IsNegative)
        {
            _bucketNegative++;
        }

        _evidence.Add(m);
        _followers.Add(m.AuthorFollowers);
        ObserveConversation(m);
        if (m.IsNegative)
        {
            // Judged against the history before this complaint, then it joins that history.
            if (_complaints.Count < MaxPendingComplaints)
            {
                var ratio = InfluenceRatio(m);
                if (ratio >= 1)
                {
                    _complaints.Add((m, ratio));
                }
            }

            _negativeFollowers.Add(m.AuthorFollowers);
        }
    }

    /// <summary>
    /// Counts <paramref name="total"/> mentions (of which <paramref name="negative"/> negative) at one
    /// instant without per-mention detail: for replays of pre-aggregated series such as NAB.
    /// </summary>
    public void ObserveCounts(DateTimeOffset at, double total, double negative = 0)
    {
        Roll(at.UtcTicks);
        MarkFirstObserved(at.UtcTicks);
        _bucketTotal += total;
        _bucketNegative += negative;
    }

    /// <summary>
    /// Judges the topic at event time <paramref name="now"/> (normally the latest createdAt of the
    /// batch just observed) and returns the alert changes, usually none.
    /// </summary>
    public IReadOnlyList<AlertSignal> Evaluate(DateTimeOffset now)
    {
        Roll(now.UtcTicks);
        List<AlertSignal>? signals = null;
        Add(ref signals, EvaluateVolume(now));
        Add(ref signals, EvaluateNegative(now));
        Add(ref signals, EvaluateViral(now));
        Add(ref signals, EvaluateInfluencers(now));
        _volumePeak = default;
        _negativePeak = default;
        return signals is null ? [] : signals;
    }

    /// <summary>The detector's state; <c>includeLearned: false</c> leaves out what closed buckets taught (<see cref="ToLearnedState"/> carries it).</summary>
    public TopicDetectorState ToState(bool includeLearned = true)
    {
        var (terms, rates) = includeLearned ? _evidence.Baseline.ToState() : (null, null);
        return new TopicDetectorState(
            Settings.BucketSeconds, _bucketStart, _bucketTotal, _bucketNegative, includeLearned ? _volume.ToState() : null,
            includeLearned ? _negative.ToState() : null, _shareNumerator, _shareDenominator,
            _followers.ToState(), terms, rates, _alerts.Select(a => a.ToState()).ToArray(),
            _conversations.Values.Select(c => c.ToState()).ToArray(), _negativeFollowers.ToState(), _firstObservedTicks);
    }

    public TopicLearnedState ToLearnedState()
    {
        var (terms, rates) = _evidence.Baseline.ToState();
        return new TopicLearnedState(
            Settings.BucketSeconds, _learnedThroughTicks, _volume.ToState(), _negative.ToState(), _shareNumerator, _shareDenominator, terms, rates);
    }

    private void MarkFirstObserved(long ticks)
    {
        if (_firstObservedTicks == 0 || ticks < _firstObservedTicks)
        {
            _firstObservedTicks = ticks;
        }
    }

    private static void Add(ref List<AlertSignal>? signals, AlertSignal? signal)
    {
        if (signal is not null)
        {
            (signals ??= []).Add(signal);
        }
    }

    private static DateTimeOffset BucketTime(long ticks) => new(ticks, TimeSpan.Zero);

    // Closes every bucket before the one holding `ticks`: baselines learn them, and the most
    // anomalous closed bucket since the last evaluation is kept so no spike falls between batches.
    private void Roll(long ticks)
    {
        var start = ticks - (ticks % _bucketTicks);
        if (_bucketStart == long.MinValue)
        {
            _bucketStart = start;
            return;
        }

        if (start <= _bucketStart)
        {
            return;
        }

        var steps = (start - _bucketStart) / _bucketTicks;
        if (steps > MaxGapBuckets)
        {
            CloseBucket();
            _bucketStart = start - (MaxGapBuckets * _bucketTicks);
        }

        while (_bucketStart < start)
        {
            CloseBucket();
            _bucketStart += _bucketTicks;
        }
    }

    private void CloseBucket()
    {
        if (_bucketStart <= _learnedThroughTicks)
        {
            // Already taught to the learned state, which was written before the crash that left this live part older:
            // the log replays the bucket's mentions, but the baselines must not learn it twice.
            _evidence.Rotate(learn: false);
            _bucketTotal = 0;
            _bucketNegative = 0;
            return;
        }

        var volume = _volume.Estimate(_bucketStart, Settings.WarmupBuckets);
        var z = volume.ZScore(_bucketTotal);
        if (z > _volumePeak.Z || !_volumePeak.IsSet)
        {
            // When a batch spans many buckets (a backlog, a replay) the alert is raised after this bucket has rotated
            // out of the evidence window, so a bucket that may open one keeps its own evidence.
            var evidence = z >= Settings.VolumeOpenZ ? _evidence.Build(negativeOnly: false) : null;
            _volumePeak = new BucketPeak(true, _bucketStart, _bucketTotal, _bucketNegative, volume, z, evidence);
        }

        var negative = _negative.Estimate(_bucketStart, Settings.WarmupBuckets);
        var nz = NegativeStrength(_bucketTotal, _bucketNegative, negative);
        if (nz > _negativePeak.Z || !_negativePeak.IsSet)
        {
            var evidence = nz >= Settings.VolumeOpenZ ? _evidence.Build(negativeOnly: true) : null;
            _negativePeak = new BucketPeak(true, _bucketStart, _bucketTotal, _bucketNegative, negative, nz, evidence);
        }

        _volume.Add(_bucketStart, _bucketTotal);
        _negative.Add(_bucketStart, _bucketNegative);
        if (_bucketTotal > 0)
        {
            _shareNumerator += NegativeShareAlpha * (_bucketNegative - _shareNumerator);
            _shareDenominator += NegativeShareAlpha * (_bucketTotal - _shareDenominator);
        }

        _evidence.Rotate();
        _bucketTotal = 0;
        _bucketNegative = 0;
        _learnedThroughTicks = _bucketStart;
        LearnedVersion++;
    }

    private AlertSignal? EvaluateVolume(DateTimeOffset now)
    {
        var s = Settings;
        var current = _volume.Estimate(_bucketStart, s.WarmupBuckets);
        var peak = new BucketPeak(true, _bucketStart, _bucketTotal, _bucketNegative, current, current.ZScore(_bucketTotal));
        if (_volumePeak.IsSet && _volumePeak.Z > peak.Z)
        {
            peak = _volumePeak;
        }

        var est = peak.Estimate;
        var firing = est.IsWarm && peak.Z >= Math.Max(s.VolumeOpenZ, est.UsualPeakZ * RoutinePeakMargin) && peak.Total >= s.MinVolume && peak.Total >= s.MinRatio * est.Expected;
        var hot = peak.Z >= s.ResolveZ;
        var severity = AlertTracker.SeverityFromRatio(peak.Z / s.VolumeOpenZ);
        double observed = peak.Total, expected = est.Expected;
        var windowFrom = peak.Start;
        if (!firing && est.IsWarm && _volume.HasProfile)
        {
            // A rise sustained over several buckets, judged against the time-of-day profile only (before it, a
            // daily ramp would look like one).
            var sustained = _volume.Sustained(SustainedBuckets);
            if (sustained.Z >= Math.Max(s.VolumeOpenZ, est.UsualPeakZ * RoutinePeakMargin) && sustained.Observed >= s.MinVolume && sustained.Observed >= s.MinRatio * sustained.Expected)
            {
                firing = hot = true;
                severity = AlertTracker.SeverityFromRatio(sustained.Z / s.VolumeOpenZ);
                (observed, expected) = (sustained.Observed, sustained.Expected);
                windowFrom = _bucketStart - (SustainedBuckets * _bucketTicks);
            }

            // Not calm while the recent buckets as a whole still stand above what was expected of them: after a level
            // shift the scale widens with the surprise and single buckets soon look calm, but resolving then would let
            // the same shift open a second alert before the baseline has caught up with it.
            hot |= sustained.Z >= s.ResolveZ && sustained.Observed >= s.MinRatio * sustained.Expected;
        }

        if (!firing && est.IsWarm && _volume.HasProfile)
        {
            // A rise building up over several buckets, each a little above what was expected: the accumulated excess
            // crosses its threshold sooner than the 12-bucket mean does when the rise is steep, and it does not wait
            // for a fixed window when it is slow. Reset once it fires, so a continuing rise updates the alert only by
            // building up again, and once the baseline has adapted to a new level nothing accumulates any more.
            var c = _volume.Cusum;
            // An excess of many times the threshold is no noise even when the rise is small relative to the level (a machine
            // running hot by 10 % for hours): the ratio test then asks for a fraction of the usual relative excess.
            var cusumRatio = c.Sum >= ExtremeCusumMultiple * CusumThreshold ? 1 + ((s.MinRatio - 1) / ExtremeRatioDivisor) : s.MinRatio;
            if (c.Sum >= CusumThreshold && c.Observed >= s.MinVolume && c.Observed >= cusumRatio * c.Expected)
            {
                firing = hot = true;
                severity = AlertTracker.SeverityFromRatio(c.Sum / CusumThreshold);
                (observed, expected) = (c.Observed, c.Expected);
                windowFrom = _bucketStart - (c.Buckets * _bucketTicks);
                _volume.ResetCusum();
                LearnedVersion++;
            }
        }

        if (!firing && est.IsWarm && _volume.HasProfile && _volume.LikelihoodZ >= LikelihoodThreshold)
        {
            // The recent buckets' mean z stands far above where it usually does (anomaly likelihood): judged on those
            // buckets' mean observed and expected, with the volume test and the extreme-significance ratio test.
            var recent = _volume.Sustained(SeasonalBaseline.LikelihoodBuckets);
            // A tail probability this small is extreme significance, like an excess of 5 × its threshold: the same smaller
            // ratio test (1.1× with the default minRatio).
            var likelihoodRatio = 1 + ((s.MinRatio - 1) / ExtremeRatioDivisor);
            if (recent.Observed >= s.MinVolume && recent.Observed >= likelihoodRatio * recent.Expected)
            {
                firing = hot = true;
                severity = AlertTracker.SeverityFromRatio(_volume.LikelihoodZ / LikelihoodThreshold);
                (observed, expected) = (recent.Observed, recent.Expected);
                windowFrom = _bucketStart - (SeasonalBaseline.LikelihoodBuckets * _bucketTicks);
            }
        }

        var peakEvidence = windowFrom == peak.Start ? peak.Evidence : null;
        return _alerts[(int)AlertKind.VolumeSpike].Step(now, firing, hot, severity, BucketTime(windowFrom), observed, expected, null,
            s.ResolveAfter, () => peakEvidence ?? _evidence.Build(negativeOnly: false));
    }

    // Strength of a negative surge in z units: the larger of the negative-count z and the
    // binomial z of the negative share's rise over its baseline (beyond the configured margin).
    private double NegativeStrength(double total, double negative, BaselineEstimate est)
    {
        var countZ = est.ZScore(negative);
        var baseShare = _shareDenominator > 0 ? _shareNumerator / _shareDenominator : 0;
        var share = total > 0 ? negative / total : 0;
        var rise = share - baseShare - Settings.NegativeShareRise;
        var p = Math.Clamp(baseShare + Settings.NegativeShareRise, 0.01, 0.99);
        var shareZ = total > 0 ? rise / Math.Sqrt(p * (1 - p) / total) : 0;
        return Math.Max(countZ, shareZ);
    }

    private AlertSignal? EvaluateNegative(DateTimeOffset now)
    {
        var s = Settings;
        var current = _negative.Estimate(_bucketStart, s.WarmupBuckets);
        var peak = new BucketPeak(true, _bucketStart, _bucketTotal, _bucketNegative, current, NegativeStrength(_bucketTotal, _bucketNegative, current));
        if (_negativePeak.IsSet && _negativePeak.Z > peak.Z && _negativePeak.Total >= s.NegativeMinVolume)
        {
            peak = _negativePeak;
        }

        var floor = peak.Total >= s.NegativeMinVolume && peak.Negative >= s.NegativeMinCount;
        var firing = peak.Estimate.IsWarm && floor && peak.Z >= s.VolumeOpenZ && peak.Negative >= s.MinRatio * peak.Estimate.Expected;
        var hot = floor && peak.Z >= s.ResolveZ;
        var severity = AlertTracker.SeverityFromRatio(peak.Z / s.VolumeOpenZ);
        var peakEvidence = peak.Evidence;
        return _alerts[(int)AlertKind.NegativeSpike].Step(now, firing, hot, severity, BucketTime(peak.Start), peak.Negative, peak.Estimate.Expected, null,
            s.ResolveAfter, () => peakEvidence ?? _evidence.Build(negativeOnly: true));
    }

    private void ObserveConversation(in MentionObservation m)
    {
        if (!_conversations.TryGetValue(m.ConversationId, out var c))
        {
            if (m.Id == m.ConversationId && !m.IsShare)
            {
                // A post is its own conversation; track it only once someone shares or answers it.
                _recentPosts.Add(m.Id, m.CreatedAt, m.AuthorFollowers, m.Text);
                return;
            }

            if (_conversations.Count >= MaxConversations)
            {
                EvictIdleConversations();
            }

            var known = _recentPosts.TryGet(m.ConversationId, out var postedAt, out var posterFollowers, out var postText);
            c = new ConversationActivity(m.ConversationId, m.ConversationStartedAt ?? (known ? postedAt : m.CreatedAt), _forecastParameters);
            if (known)
            {
                c.Forecaster.AddOriginal(posterFollowers);
                c.AddSample(m.ConversationId, postText);
            }

            _conversations[m.ConversationId] = c;
        }

        c.Observe(m);
        if (m.IsShare)
        {
            _changedConversations.Add(c.Id);
        }
    }

    // Drops the least recently active quarter; rare, so the sort is fine.
    private void EvictIdleConversations()
    {
        var open = _alerts[(int)AlertKind.ViralConversation].Subject;
        foreach (var c in _conversations.Values.Where(c => c.Id != open).OrderBy(c => c.LastSeen).Take(MaxConversations / 4).ToList())
        {
            _conversations.Remove(c.Id);
            _changedConversations.Remove(c.Id);
        }
    }

    // How viral a conversation is now, as signal ÷ threshold (≥ 1 fires). Its reach forecast counts only while it is still
    // spreading (shares in the velocity window ≥ ViralCalmFraction of the velocity threshold): the forecast never falls
    // below the shares already seen, so on its own it would keep a conversation "viral" forever after it stopped. Once a
    // viral alert about the conversation has ended, its forecast has been reported and only a new wave (velocity ≥ the
    // threshold) alerts again: the gap between the calm level and the threshold is the hysteresis that stops flapping.
    private ViralScore Score(ConversationActivity c, DateTimeOffset now)
    {
        var s = Settings;
        var weight = 1 + (s.ViralNegativeWeight * c.NegativeShare);
        var minutes = (int)Math.Clamp(s.ViralVelocityWindowMinutes, 1, ConversationActivity.VelocityMinutes);
        var velocity = c.Velocity(now, minutes);
        var velocityRatio = velocity * weight / s.ViralMinSharesPerWindow;
        var spreading = velocityRatio >= ViralCalmFraction;
        if (spreading && c.ViralEndedAt is null)
        {
            var forecast = c.Shares >= MinSharesForForecast ? c.ForecastFinalShares(now) : c.Shares;
            var forecastRatio = forecast * weight / s.ViralMinForecastShares;
            if (forecastRatio >= velocityRatio)
            {
                return new ViralScore(forecastRatio, forecast, s.ViralMinForecastShares / weight, spreading);
            }
        }

        return new ViralScore(velocityRatio, velocity, s.ViralMinSharesPerWindow / weight, spreading);
    }

    private AlertSignal? EvaluateViral(DateTimeOffset now)
    {
        var tracker = _alerts[(int)AlertKind.ViralConversation];
        if (_changedConversations.Count == 0 && !tracker.IsOpen)
        {
            return null;
        }

        ConversationActivity? best = null;
        ViralScore bestScore = default;
        foreach (var id in _changedConversations)
        {
            var c = _conversations[id];
            var score = Score(c, now);
            if (best is null || score.Ratio > bestScore.Ratio)
            {
                (best, bestScore) = (c, score);
            }
        }

        _changedConversations.Clear();
        var openSubject = tracker.IsOpen && tracker.Subject is { } subject ? _conversations.GetValueOrDefault(subject) : null;
        if (openSubject is not null && openSubject != best)
        {
            var score = Score(openSubject, now);
            // Stay with the open conversation unless another one is clearly bigger.
            if (best is null || bestScore.Ratio < 1 || score.Ratio >= bestScore.Ratio)
            {
                (best, bestScore) = (openSubject, score);
            }
        }

        if (best is null)
        {
            return tracker.Step(now, false, false, 1, now, 0, 0, null, Settings.ResolveAfter, () => AlertEvidence.Empty);
        }

        var firing = bestScore.Ratio >= 1;
        var chosen = best;
        var signal = tracker.Step(now, firing, bestScore.Spreading, AlertTracker.SeverityFromRatio(bestScore.Ratio), chosen.StartedAt, bestScore.Observed,
            bestScore.Expected, firing ? chosen.Id : null, Settings.ResolveAfter, () => ViralEvidence(chosen, now));
        if (openSubject is not null && (signal?.Action == AlertAction.Resolve || tracker.Subject != openSubject.Id))
        {
            // The alert about this conversation is over (resolved, or taken over by a bigger one).
            openSubject.EndViralEpisode(now);
        }

        return signal;
    }

    private AlertEvidence ViralEvidence(ConversationActivity focus, DateTimeOffset now)
    {
        var conversations = _conversations.Values
            .OrderByDescending(c => c == focus).ThenByDescending(c => c.Velocity(now, ConversationActivity.VelocityMinutes)).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(EvidenceCollector.TopKeys)
            .Select(c => new EvidenceCount(c.Id, (int)Math.Min(int.MaxValue, c.Shares), Math.Round(c.ForecastFinalShares(now))))
            .ToList();
        var authors = focus.TopSharers.OrderByDescending(a => a.Followers).Select(a => new EvidenceCount(a.Id, 1, a.Followers)).ToList();
        var general = _evidence.Build(negativeOnly: false);
        return new AlertEvidence(general.Terms, conversations, authors, focus.Samples.Count > 0 ? focus.Samples : general.Samples);
    }

    // How far past "influential for this topic" the author is (≥ 1 means influential). By followers it takes all of:
    // an audience in the topic's top tail and above the absolute floor (on a topic younger than the minimum history,
    // a mega-audience); and rarity: fewer than InfluencerMaxPerDay negative mentions a day so far from authors with
    // at least half the audience (never a second one within the first day). The tail alone is not enough: a quantile is
    // passed by a fixed share of mentions, so a busy topic would always have an influencer complaining.
    private double InfluenceRatio(in MentionObservation m)
    {
        var s = Settings;
        var byInfluence = double.IsNaN(m.AuthorInfluence) ? 0 : m.AuthorInfluence / s.InfluencerMinInfluence;
        var byFollowers = m.AuthorFollowers / InfluencerFollowerThreshold();
        if (byFollowers >= 1)
        {
            var history = TimeSpan.FromTicks(Math.Max(0, m.CreatedAt.UtcTicks - _firstObservedTicks));
            var young = history.TotalMinutes < s.InfluencerMinHistoryMinutes && m.AuthorFollowers < s.InfluencerYoungTopicMinFollowers;
            var comparable = _negativeFollowers.CountAtLeast((long)(m.AuthorFollowers / InfluencerRarityMargin));
            var rare = comparable < Math.Max(1, s.InfluencerMaxPerDay * history.TotalDays);
            if (young || !rare)
            {
                byFollowers = 0;
            }
        }

        return Math.Max(byInfluence, byFollowers);
    }

    private double InfluencerFollowerThreshold() =>
        Math.Max(Settings.InfluencerMinFollowers, _followers.Quantile(Settings.InfluencerQuantile));

    private AlertSignal? EvaluateInfluencers(DateTimeOffset now)
    {
        var tracker = _alerts[(int)AlertKind.InfluencerComplaint];
        if (_complaints.Count == 0)
        {
            return tracker.IsOpen ? tracker.Step(now, false, false, 1, now, 0, 0, null, Settings.InfluencerResolveAfter, () => AlertEvidence.Empty) : null;
        }

        var top = _complaints.MaxBy(c => c.Ratio);
        var complaints = _complaints.ToList();
        _complaints.Clear();
        var expected = InfluencerFollowerThreshold();
        return tracker.Step(now, true, true, AlertTracker.SeverityFromRatio(top.Ratio), top.Mention.CreatedAt, top.Mention.AuthorFollowers, expected,
            top.Mention.AuthorId, Settings.InfluencerResolveAfter, () => InfluencerEvidence(complaints));
    }

    private AlertEvidence InfluencerEvidence(List<(MentionObservation Mention, double Ratio)> complaints)
    {
        var ordered = complaints.OrderByDescending(c => c.Ratio).ToList();
        var general = _evidence.Build(negativeOnly: true);
        return new AlertEvidence(
            general.Terms,
            ordered.GroupBy(c => c.Mention.ConversationId).Take(EvidenceCollector.TopKeys).Select(g => new EvidenceCount(g.Key, g.Count(), 0)).ToList(),
            ordered.GroupBy(c => c.Mention.AuthorId).Take(EvidenceCollector.TopKeys).Select(g => new EvidenceCount(g.Key, g.Count(), g.First().Mention.AuthorFollowers)).ToList(),
            ordered.Where(c => !string.IsNullOrEmpty(c.Mention.Text)).Take(EvidenceCollector.SampleCount).Select(c => new EvidenceSample(c.Mention.Id, c.Mention.Text!)).ToList());
    }

    /// <summary>A conversation's virality: <see cref="Ratio"/> is signal ÷ threshold; <see cref="Spreading"/> = not calm.</summary>
    private readonly record struct ViralScore(double Ratio, double Observed, double Expected, bool Spreading);

    /// <summary>The most anomalous bucket since the last evaluation; <see cref="Evidence"/> is kept for closed buckets that may open an alert.</summary>
    private readonly record struct BucketPeak(bool IsSet, long Start, double Total, double Negative, BaselineEstimate Estimate, double Z, AlertEvidence? Evidence = null);
}
