namespace ReputationEngine.LoadTests.Cli;

/// <summary>The command line of DESIGN §4.8, plus overrides for experiments.</summary>
public sealed record LoadTestOptions(
    string Profile,
    Uri? Target,
    string? ApiKey,
    string ReportPath,
    int Seed,
    TimeSpan? Duration,
    double? Rate,
    int? EnginePid,
    string? RunId);
