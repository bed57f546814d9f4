namespace ReputationEngine.Cluster.Tests.Infrastructure;

public static class Output
{
    /// <summary>A measured figure, in the test log (docs/benchmarks.md quotes these lines).</summary>
    public static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine($"[measure] {line}");
}
