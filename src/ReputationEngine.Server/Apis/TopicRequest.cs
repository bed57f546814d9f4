namespace ReputationEngine.Server.Apis;

/// <summary>Body of PUT /api/topics/{id} (DESIGN §4.3).</summary>
public sealed record TopicRequest(
    string? Name,
    string[]? Keywords,
    string[]? Hashtags,
    string[]? Handles,
    string[]? Exclude,
    string[]? BrandHandles,
    Dictionary<string, double>? Alerting);
