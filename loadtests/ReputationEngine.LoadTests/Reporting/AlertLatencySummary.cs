namespace ReputationEngine.LoadTests.Reporting;

/// <summary>
/// Burst detectable → alert arrived, in milliseconds, on <see cref="Channel"/> (SignalR if the engine has the
/// hub, else a webhook, else polling GET /api/alerts). All null while the engine raises no alerts.
/// </summary>
public sealed record AlertLatencySummary(double? P50, double? P99, string? Channel);
