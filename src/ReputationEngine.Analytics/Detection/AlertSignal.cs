namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// One change to a topic's alert of <see cref="Kind"/>: the grain maps it onto its alert record
/// (DESIGN §4.4). <see cref="OpenedAt"/> is the event time the alert opened and stays the same for
/// its updates and resolution, so <c>(topic, kind, openedAt)</c> identifies the alert.
/// <see cref="Subject"/> names the conversation or author for per-item kinds.
/// </summary>
public sealed record AlertSignal(
    AlertKind Kind,
    AlertAction Action,
    int Severity,
    DateTimeOffset OpenedAt,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    double Observed,
    double Expected,
    string? Subject,
    AlertEvidence Evidence);
