namespace ReputationEngine.Server.Access;

/// <summary>Endpoint metadata: the scope a route needs (read by the 403 message, OpenAPI and the route tests).</summary>
public sealed record RequiredScope(string Scope);
