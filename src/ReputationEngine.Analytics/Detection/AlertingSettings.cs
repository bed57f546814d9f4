namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Per-topic alert tuning: the named defaults below, overridable by a topic's <c>alerting</c> JSON
/// (property names in camelCase, e.g. <c>{"volumeOpenZ": 6, "resolveAfterMinutes": 30}</c>).
/// Changing settings keeps the learned baselines (they do not depend on thresholds).
/// </summary>
public sealed record AlertingSettings
{
    public const double DefaultBucketSeconds = 60;
    public const double DefaultVolumeOpenZ = 5;
    public const double DefaultResolveZ = 2;
    public const int DefaultMinVolume = 10;
    public const double DefaultMinRatio = 1.5;
    public const double DefaultResolveAfterMinutes = 15;
    public const int DefaultWarmupBuckets = 30;
    public const int DefaultNegativeMinVolume = 20;
    public const int DefaultNegativeMinCount = 8;
    public const double DefaultNegativeShareRise = 0.15;
    public const double DefaultViralMinForecastShares = 500;
    public const double DefaultViralMinSharesPerWindow = 100;
    public const double DefaultViralVelocityWindowMinutes = 10;
    public const double DefaultViralNegativeWeight = 1.0;
    public const double DefaultInfluencerMinFollowers = 10_000;
    public const double DefaultInfluencerQuantile = 0.99;
    public const double DefaultInfluencerMinInfluence = 0.8;
    public const double DefaultInfluencerMaxPerDay = 1;
    public const double DefaultInfluencerMinHistoryMinutes = 30;
    public const double DefaultInfluencerYoungTopicMinFollowers = 1_000_000;
    public const double DefaultInfluencerCoolDownMinutes = 60;

    /// <summary>Width of the event-time buckets volume is counted in.</summary>
    public double BucketSeconds { get; init; } = DefaultBucketSeconds;

    /// <summary>Robust z-score (observed − expected) / scale that opens a volume or negative spike.</summary>
    public double VolumeOpenZ { get; init; } = DefaultVolumeOpenZ;

    /// <summary>Below this z-score the signal counts as calm again.</summary>
    public double ResolveZ { get; init; } = DefaultResolveZ;

    /// <summary>No volume spike below this many mentions per bucket (quiet topics are noisy).</summary>
    public int MinVolume { get; init; } = DefaultMinVolume;

    /// <summary>Observed must also be at least this multiple of expected.</summary>
    public double MinRatio { get; init; } = DefaultMinRatio;

    /// <summary>An alert resolves after its signal stays calm for this long (event time).</summary>
    public double ResolveAfterMinutes { get; init; } = DefaultResolveAfterMinutes;

    /// <summary>Buckets of history needed before volume or negative spikes can open.</summary>
    public int WarmupBuckets { get; init; } = DefaultWarmupBuckets;

    /// <summary>Minimum mentions in the bucket for a negative spike (the floor).</summary>
    public int NegativeMinVolume { get; init; } = DefaultNegativeMinVolume;

    /// <summary>Minimum negative mentions in the bucket for a negative spike.</summary>
    public int NegativeMinCount { get; init; } = DefaultNegativeMinCount;

    /// <summary>Rise of the negative share over its baseline that opens a negative spike.</summary>
    public double NegativeShareRise { get; init; } = DefaultNegativeShareRise;

    /// <summary>A conversation forecast to reach this many shares is viral.</summary>
    public double ViralMinForecastShares { get; init; } = DefaultViralMinForecastShares;

    /// <summary>A conversation gaining this many shares within the velocity window is viral.</summary>
    public double ViralMinSharesPerWindow { get; init; } = DefaultViralMinSharesPerWindow;

    public double ViralVelocityWindowMinutes { get; init; } = DefaultViralVelocityWindowMinutes;

    /// <summary>Thresholds are divided by <c>1 + weight × negative share</c> of the conversation.</summary>
    public double ViralNegativeWeight { get; init; } = DefaultViralNegativeWeight;

    /// <summary>Authors below this many followers are never influencers by followers alone.</summary>
    public double InfluencerMinFollowers { get; init; } = DefaultInfluencerMinFollowers;

    /// <summary>Follower quantile among this topic's authors above which an author is influential.</summary>
    public double InfluencerQuantile { get; init; } = DefaultInfluencerQuantile;

    /// <summary>A known CRM influence (0..1) at or above this makes an author influential.</summary>
    public double InfluencerMinInfluence { get; init; } = DefaultInfluencerMinInfluence;

    /// <summary>
    /// By followers, a complaint is influential only if this topic has seen fewer than this many negative mentions
    /// per day (over its history) from authors at least as followed: rare for this topic, not just a high quantile
    /// (on a busy topic any fixed quantile is passed many times a minute).
    /// </summary>
    public double InfluencerMaxPerDay { get; init; } = DefaultInfluencerMaxPerDay;

    /// <summary>
    /// Until a topic has been observed this long (event time), its follower history says little: only authors with at
    /// least <see cref="InfluencerYoungTopicMinFollowers"/> count as influential by followers.
    /// </summary>
    public double InfluencerMinHistoryMinutes { get; init; } = DefaultInfluencerMinHistoryMinutes;

    /// <summary>The audience that makes a complaint influential on a topic too young to judge "high for this topic".</summary>
    public double InfluencerYoungTopicMinFollowers { get; init; } = DefaultInfluencerYoungTopicMinFollowers;

    /// <summary>
    /// The influencer alert stays open (further complaints update it) until this long passes without one, so
    /// complaints close together make one alert, not a series.
    /// </summary>
    public double InfluencerCoolDownMinutes { get; init; } = DefaultInfluencerCoolDownMinutes;

    public static AlertingSettings Default { get; } = new();

    public TimeSpan Bucket => TimeSpan.FromSeconds(BucketSeconds);

    public TimeSpan ResolveAfter => TimeSpan.FromMinutes(ResolveAfterMinutes);

    /// <summary>The influencer alert resolves after the longer of the resolve delay and its cool-down.</summary>
    public TimeSpan InfluencerResolveAfter => TimeSpan.FromMinutes(Math.Max(ResolveAfterMinutes, InfluencerCoolDownMinutes));
}
