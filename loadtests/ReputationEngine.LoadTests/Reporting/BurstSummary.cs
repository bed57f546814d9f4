namespace ReputationEngine.LoadTests.Reporting;

/// <summary>Bursts injected and detected; <see cref="Detected"/> is null while no alert channel exists.</summary>
public sealed record BurstSummary(int Injected, int? Detected, int? Missed, IReadOnlyList<BurstResult> Items);
