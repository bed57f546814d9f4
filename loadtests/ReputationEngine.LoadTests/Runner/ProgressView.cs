namespace ReputationEngine.LoadTests.Runner;

/// <summary>
/// What the live display shows at one moment. <see cref="Alerts"/> counts distinct alerts (any channel), of which
/// <see cref="DetectorAlerts"/> came from burst detectors and <see cref="SlaBreaches"/> from the CRM SLA rule.
/// </summary>
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
    int DetectorAlerts,
    int SlaBreaches,
    double? CpuPercent,
    double? WorkingSetMb);
