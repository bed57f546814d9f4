namespace ReputationEngine.Analytics.Detection;

/// <summary>Plain-data snapshot of one <see cref="AlertTracker"/> (times as UTC ticks, 0 when unset).</summary>
public sealed record AlertTrackerState(
    bool IsOpen,
    long OpenedAtTicks,
    long WindowFromTicks,
    long LastHotTicks,
    long LastSignalTicks,
    int Severity,
    double LastObserved,
    string? Subject);
