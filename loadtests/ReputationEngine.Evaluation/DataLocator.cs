namespace ReputationEngine.Evaluation;

/// <summary>Finds the shared data folder: <c>REPUTATION_DATA_DIR</c>, else the first <c>shared/data</c> walking up from the current directory.</summary>
public static class DataLocator
{
    public const string EnvironmentVariable = "REPUTATION_DATA_DIR";

    public static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/data above {Directory.GetCurrentDirectory()}; set {EnvironmentVariable}.");
    }
}
