namespace ReputationEngine.Abstractions.Alerts;

/// <summary>
/// An alert signal found outside the topic's own detectors (e.g. a conversation's response SLA), handed to the
/// topic grain so it goes through the topic's alert book: one active alert per kind, recorded, pushed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExternalAlert(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] int Severity,
    [property: Id(2)] AlertWindow Window,
    [property: Id(3)] double Observed,
    [property: Id(4)] double Expected,
    [property: Id(5)] AlertEvidence Evidence);
