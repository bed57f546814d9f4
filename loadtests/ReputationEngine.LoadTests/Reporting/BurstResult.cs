namespace ReputationEngine.LoadTests.Reporting;

/// <summary>One injected burst and what the engine made of it; times are seconds since the run clock started.</summary>
public sealed record BurstResult(
    int Index,
    string Origin,
    string TopicId,
    int PlannedMentions,
    long AcceptedMentions,
    double? FirstSentSec,
    double? DetectableSec,
    bool? Detected,
    double? FirstAlertSec,
    string? AlertKind,
    double? AlertLatencyMs);
