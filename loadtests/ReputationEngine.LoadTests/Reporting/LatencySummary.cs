namespace ReputationEngine.LoadTests.Reporting;

/// <summary>Ingest latency of POST /api/mentions, request sent → 202 received, in milliseconds.</summary>
public sealed record LatencySummary(double? P50, double? P99, double? P999, double? Max);
