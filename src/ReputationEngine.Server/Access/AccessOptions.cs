namespace ReputationEngine.Server.Access;

/// <summary>Configuration section <c>Access</c>: key handling, rate limits, public documentation.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>Environment variable whose value, when set, is the admin key (DESIGN §4.6).</summary>
    public const string AdminKeyVariable = "REPUTATION_ADMIN_KEY";

    public const int DefaultKeyRatePerSecond = 100;
    public const int DefaultAdminRatePerSecond = 1_000;
    public const int MaxRatePerSecond = 100_000;

    /// <summary>Requests per second of a key created without <c>ratePerSecond</c>.</summary>
    public int DefaultRatePerSecond { get; set; } = DefaultKeyRatePerSecond;

    /// <summary>Requests per second of the admin key (first-start or <c>REPUTATION_ADMIN_KEY</c>).</summary>
    public int AdminRatePerSecond { get; set; } = DefaultAdminRatePerSecond;

    /// <summary>How long a node trusts a cached key lookup; a key revoked on another node stops working after this.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Serve /openapi/v1.json and /docs without a key (they hold the API's shape, no data). Off by default.</summary>
    public bool PublicDocs { get; set; }
}
