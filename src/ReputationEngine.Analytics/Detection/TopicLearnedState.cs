namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// What a topic's detectors learned from closed buckets: the volume and negative baselines, the terms' usual rates and
/// the negative share's average. It changes only when a bucket closes (once per bucket width), while the live part
/// (<see cref="TopicDetectorState"/>: the open bucket, conversations, alerts) changes with every mention, so a grain
/// stores the two apart and writes this one only when <see cref="TopicDetector.LearnedVersion"/> moves.
/// <c>ThroughTicks</c> is the start of the last bucket folded in (<see cref="long.MinValue"/>: none): a live part older than
/// it (written before a crash that came after this was written) does not teach those buckets twice.
/// </summary>
public sealed record TopicLearnedState(
    double BucketSeconds,
    long ThroughTicks,
    SeasonalBaselineState Volume,
    SeasonalBaselineState NegativeVolume,
    double NegativeShareNumerator,
    double NegativeShareDenominator,
    string[] Terms,
    double[] TermRates);
