namespace ReputationEngine.LoadTests.Engine;

/// <summary>CPU (percent of the whole machine) and memory of the engine process at one moment.</summary>
public readonly record struct ResourceSample(double ElapsedSec, double CpuPercent, double WorkingSetMb, double? GcHeapMb);
