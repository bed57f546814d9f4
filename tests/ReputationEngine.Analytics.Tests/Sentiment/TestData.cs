namespace ReputationEngine.Analytics.Tests.Sentiment;

/// <summary>
/// Finds the shared corpora: <c>REPUTATION_DATA_DIR</c> (the <c>shared/data</c> folder) or the
/// first <c>shared/data</c> found walking up from the test binaries. Null when absent, so
/// data-driven tests skip and the core tests still run anywhere.
/// </summary>
internal static class TestData
{
    public const string EnvironmentVariable = "REPUTATION_DATA_DIR";

    public static string? SentimentDir { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            var fromEnvironment = Path.Combine(configured, "sentiment");
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "sentiment");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
