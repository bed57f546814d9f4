namespace ReputationEngine.Server.Access;

/// <summary>Claims the API key handler puts on the request's user.</summary>
public static class AccessClaims
{
    public const string KeyId = "key_id";
    public const string Scope = "scope";
    public const string RatePerSecond = "rate_per_second";
}
