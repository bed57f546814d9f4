namespace ReputationEngine.LoadTests.Runner;

/// <summary>What the live display shows at one moment.</summary>
public sealed record ProgressView(
    string Phase,
    double ElapsedSec,
    double ScheduleSec,
    double ScheduleTotalSec,
    long Sent,
    long Accepted,
    long AcceptedLastSecond,
    long? Counted,
    double? P99Ms,
    int BurstsSent,
    int BurstsTotal,
    int Alerts,
    double? CpuPercent,
    double? WorkingSetMb);
