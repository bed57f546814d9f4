namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Drives a <see cref="TopicDetector"/> over recorded data in event time, exactly as a topic grain
/// does (observe a batch, then evaluate at its latest time). Used by back-tests and the NAB
/// evaluation; deterministic.
/// </summary>
public static class DetectorReplay
{
    /// <summary>Replays pre-aggregated counts: one evaluation after each point.</summary>
    public static List<AlertSignal> ReplayCounts(TopicDetector detector, IEnumerable<(DateTimeOffset At, double Count)> series)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(series);
        var signals = new List<AlertSignal>();
        foreach (var (at, count) in series)
        {
            detector.ObserveCounts(at, count);
            signals.AddRange(detector.Evaluate(at));
        }

        return signals;
    }

    /// <summary>Replays mentions (sorted by createdAt) in batches of <paramref name="batchSize"/>.</summary>
    public static List<AlertSignal> ReplayMentions(TopicDetector detector, IEnumerable<MentionObservation> mentions, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var signals = new List<AlertSignal>();
        var inBatch = 0;
        var latest = DateTimeOffset.MinValue;
        foreach (var m in mentions)
        {
            detector.Observe(m);
            latest = m.CreatedAt > latest ? m.CreatedAt : latest;
            if (++inBatch == batchSize)
            {
                signals.AddRange(detector.Evaluate(latest));
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            signals.AddRange(detector.Evaluate(latest));
        }

        return signals;
    }
}
