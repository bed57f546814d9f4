namespace ReputationEngine.Server.Apis;

/// <summary>Answer of POST /api/keys: the only time the key itself is ever shown.</summary>
public sealed record CreatedKey(string Id, string Key, string Name, IReadOnlyList<string> Scopes, int RatePerSecond, DateTimeOffset CreatedAt);
