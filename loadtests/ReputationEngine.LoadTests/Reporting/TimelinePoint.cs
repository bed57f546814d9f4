namespace ReputationEngine.LoadTests.Reporting;

/// <summary>One second of the run.</summary>
public sealed record TimelinePoint(int Second, long Sent, long Accepted, double? CpuPercent, double? WorkingSetMb);
