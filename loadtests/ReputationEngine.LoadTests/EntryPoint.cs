using ReputationEngine.LoadTests.Cli;

namespace ReputationEngine.LoadTests;

/// <summary>Entry point (not top-level statements: the engine's own <c>Program</c> is referenced for in-process runs).</summary>
public static class EntryPoint
{
    public static Task<int> Main(string[] args) => LoadTestCommand.Create().Parse(args).InvokeAsync();
}
