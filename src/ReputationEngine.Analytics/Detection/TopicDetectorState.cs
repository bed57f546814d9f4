namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Everything a <see cref="TopicDetector"/> learned, as plain data for grain persistence.
/// The evidence of the current and previous bucket is transient and not included.
/// </summary>
/// <remarks>
/// <see cref="NegativeFollowerHistogram"/> and <see cref="FirstObservedTicks"/> (the influencer history) are absent
/// from state saved before them: that history then starts again.
/// Baselines are per bucket width: state saved with another <c>BucketSeconds</c> is ignored (the topic relearns).
/// What closed buckets taught (<see cref="Volume"/>, <see cref="NegativeVolume"/>, <see cref="Terms"/>, <see cref="TermRates"/>) is
/// null in the live part written by <c>ToState(includeLearned: false)</c>: it then travels apart as a <see cref="TopicLearnedState"/>.
/// </remarks>
public sealed record TopicDetectorState(
    double BucketSeconds,
    long BucketStartTicks,
    double BucketTotal,
    double BucketNegative,
    SeasonalBaselineState? Volume,
    SeasonalBaselineState? NegativeVolume,
    double NegativeShareNumerator,
    double NegativeShareDenominator,
    long[] FollowerHistogram,
    string[]? Terms,
    double[]? TermRates,
    AlertTrackerState[] Alerts,
    ConversationActivityState[] Conversations,
    long[]? NegativeFollowerHistogram = null,
    long FirstObservedTicks = 0);
