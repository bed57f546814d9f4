namespace ReputationEngine.LoadTests.Reporting;

/// <summary>
/// CPU (percent of all cores) and memory of the engine process. In-process runs measure the harness's own process,
/// so they include the load generator. <see cref="MemorySlopeMbPerMin"/> is the least-squares trend of the
/// working set over the second half of sending: near zero when memory is flat. <see cref="CpuSeconds"/> is the CPU
/// the process used from the start of sending to the end of draining; per counted mention it is a cost that, unlike
/// rates, hardly depends on how many other processes share the machine.
/// </summary>
public sealed record EngineUsage(
    bool InProcess,
    double? CpuAvgPercent,
    double? CpuMaxPercent,
    double? WorkingSetStartMb,
    double? WorkingSetMaxMb,
    double? WorkingSetEndMb,
    double? GcHeapMaxMb,
    double? MemorySlopeMbPerMin,
    double? CpuSeconds,
    double? CpuMicrosPerMention);
