namespace ReputationEngine.Cluster.Tests.Infrastructure;

public static class TestPaths
{
    /// <summary>The built server (same configuration as this test assembly), started as separate processes.</summary>
    public static string ServerDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var root = testBin;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "ReputationEngine.sln")))
            {
                root = root.Parent;
            }

            var dll = Path.Combine(root?.FullName ?? throw new DirectoryNotFoundException("Repository root not found"),
                "src", "ReputationEngine.Server", "bin", configuration, framework, "ReputationEngine.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first", dll);
        }
    }

    public static string NewTempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), "reputation-cluster-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
