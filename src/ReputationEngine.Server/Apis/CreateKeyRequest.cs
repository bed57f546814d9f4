namespace ReputationEngine.Server.Apis;

/// <summary>Body of POST /api/keys (DESIGN §4.6).</summary>
public sealed record CreateKeyRequest(string? Name, string[]? Scopes, int? RatePerSecond);
