using System.Text.Json;
using System.Text.Json.Serialization;
using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Server.Alerts;

/// <summary>The alert JSON of DESIGN §4.4 (<c>"type":"alert"</c>, camelCase, enums as camelCase strings).</summary>
public static class AlertJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static AlertDocument ToDocument(Alert alert) => new(alert);

    public static byte[] Serialize(Alert alert) => JsonSerializer.SerializeToUtf8Bytes(ToDocument(alert), Options);

    public static Alert Deserialize(byte[] payload) =>
        JsonSerializer.Deserialize<AlertDocument>(payload, Options)?.ToAlert() ?? throw new InvalidDataException("Empty alert payload.");
}

/// <summary>An alert as JSON documents carry it: the alert's fields plus the <c>type</c> discriminator.</summary>
public sealed record AlertDocument
{
    public AlertDocument()
    {
    }

    public AlertDocument(Alert alert)
    {
        Id = alert.Id;
        TopicId = alert.TopicId;
        Kind = alert.Kind;
        Severity = alert.Severity;
        State = alert.State;
        OpenedAt = alert.OpenedAt;
        DetectedAt = alert.DetectedAt;
        UpdatedAt = alert.UpdatedAt;
        Window = alert.Window;
        Observed = alert.Observed;
        Expected = alert.Expected;
        Evidence = alert.Evidence;
        Assignee = alert.Assignee;
        AcknowledgedAt = alert.AcknowledgedAt;
        ResolvedAt = alert.ResolvedAt;
        EscalationLevel = alert.EscalationLevel;
        Version = alert.Version;
    }

    public string Type { get; init; } = "alert";
    public string Id { get; init; } = "";
    public string TopicId { get; init; } = "";
    public AlertKind Kind { get; init; }
    public int Severity { get; init; }
    public AlertState State { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset DetectedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public AlertWindow Window { get; init; } = new(default, default);
    public double Observed { get; init; }
    public double Expected { get; init; }
    public AlertEvidence Evidence { get; init; } = AlertEvidence.None;
    public string? Assignee { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public int EscalationLevel { get; init; }
    public long Version { get; init; }

    public Alert ToAlert() => new()
    {
        Id = Id,
        TopicId = TopicId,
        Kind = Kind,
        Severity = Severity,
        State = State,
        OpenedAt = OpenedAt,
        DetectedAt = DetectedAt,
        UpdatedAt = UpdatedAt,
        Window = Window,
        Observed = Observed,
        Expected = Expected,
        Evidence = Evidence,
        Assignee = Assignee,
        AcknowledgedAt = AcknowledgedAt,
        ResolvedAt = ResolvedAt,
        EscalationLevel = EscalationLevel,
        Version = Version,
    };
}
