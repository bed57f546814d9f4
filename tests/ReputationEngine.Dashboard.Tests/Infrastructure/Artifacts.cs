namespace ReputationEngine.Dashboard.Tests.Infrastructure;

/// <summary>Where tests leave files for people to look at: artifacts/ at the repository root (gitignored).</summary>
public static class Artifacts
{
    public static string PathFor(string fileName)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReputationEngine.sln")))
        {
            dir = dir.Parent;
        }

        var root = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "dashboard");
        Directory.CreateDirectory(root);
        return Path.Combine(root, fileName);
    }
}
