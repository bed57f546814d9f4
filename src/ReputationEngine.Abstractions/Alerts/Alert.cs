namespace ReputationEngine.Abstractions.Alerts;

/// <summary>
/// An alert (DESIGN §4.4). At most one alert per topic and kind is open at a time: a continuing signal
/// updates it. <see cref="OpenedAt"/> is event time; <see cref="DetectedAt"/> and <see cref="UpdatedAt"/> are wall clock.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Alert
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string TopicId { get; init; }
    [Id(2)] public AlertKind Kind { get; init; }
    [Id(3)] public int Severity { get; init; }
    [Id(4)] public AlertState State { get; init; }
    [Id(5)] public DateTimeOffset OpenedAt { get; init; }
    [Id(6)] public DateTimeOffset DetectedAt { get; init; }
    [Id(7)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(8)] public required AlertWindow Window { get; init; }
    [Id(9)] public double Observed { get; init; }
    [Id(10)] public double Expected { get; init; }
    [Id(11)] public AlertEvidence Evidence { get; init; } = AlertEvidence.None;
    [Id(12)] public string? Assignee { get; init; }
    [Id(13)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(14)] public DateTimeOffset? AcknowledgedAt { get; init; }
    /// <summary>The escalation level reached (0 = first level notified).</summary>
    [Id(15)] public int EscalationLevel { get; init; }
    /// <summary>Grows with every change, so consumers can drop stale copies.</summary>
    [Id(16)] public long Version { get; init; }
}
