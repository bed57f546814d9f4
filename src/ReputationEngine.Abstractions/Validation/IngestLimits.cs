namespace ReputationEngine.Abstractions.Validation;

/// <summary>Bounds of POST /api/mentions (DESIGN §4.2) and of each mention's fields.</summary>
public static class IngestLimits
{
    public const int MaxMentionsPerRequest = 10_000;
    public const long MaxBodyBytes = 16L * 1024 * 1024;
    public const int MaxTextLength = 16_384;
    public const int MaxIdLength = 256;
    public const int MaxNameLength = 256;
    public const int MaxTopicsPerMention = 32;
    public const int MaxUrlLength = 2_048;
    public const int MaxLangLength = 16;
    public const long MaxFollowers = 10_000_000_000;
    public const int MaxJsonDepth = 16;

    /// <summary>Clocks disagree a little; a mention further in the future than this is refused.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Nothing older is accepted (history before public social media is a data error).</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Sources = ["twitter", "facebook", "instagram", "review", "forum", "blog", "news", "email", "survey", "other"];
}
