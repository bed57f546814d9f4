namespace ReputationEngine.Server.Access;

/// <summary>A stored API key: everything but the key itself, of which only an HMAC is kept.</summary>
public sealed record ApiKey(string Id, string Name, IReadOnlyList<string> Scopes, int RatePerSecond, DateTimeOffset CreatedAt);
