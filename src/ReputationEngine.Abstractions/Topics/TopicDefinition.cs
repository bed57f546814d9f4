namespace ReputationEngine.Abstractions.Topics;

/// <summary>
/// A brand topic and the rules that route mentions to it (DESIGN §4.3). Matching is case-insensitive
/// and word-boundary aware; a mention with explicit topic ids skips the rules.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TopicDefinition
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string Name { get; init; } = "";
    [Id(2)] public string[] Keywords { get; init; } = [];
    [Id(3)] public string[] Hashtags { get; init; } = [];
    [Id(4)] public string[] Handles { get; init; } = [];
    [Id(5)] public string[] Exclude { get; init; } = [];
    [Id(6)] public string[] BrandHandles { get; init; } = [];
    [Id(7)] public Dictionary<string, double> Alerting { get; init; } = [];
    [Id(8)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>A topic created implicitly by a mention naming it: no rules, default settings.</summary>
    public static TopicDefinition Implicit(string id, DateTimeOffset now) => new() { Id = id, Name = id, UpdatedAt = now };
}
