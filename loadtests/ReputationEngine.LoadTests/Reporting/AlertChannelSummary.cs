namespace ReputationEngine.LoadTests.Reporting;

/// <summary>What one alert channel delivered.</summary>
public sealed record AlertChannelSummary(bool Available, int Alerts, int BurstsDetected, double? P50, double? P99);
