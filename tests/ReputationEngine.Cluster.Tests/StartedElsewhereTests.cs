using ReputationEngine.Cluster.Tests.Infrastructure;

namespace ReputationEngine.Cluster.Tests;

/// <summary>The engine started the way a service manager starts it: `dotnet /path/to/ReputationEngine.Server.dll` from another directory.</summary>
public sealed class StartedElsewhereTests
{
    [Fact]
    public async Task StartedFromAnotherDirectory_ReadsItsOwnSettings()
    {
        var workDir = TestPaths.NewTempDir("elsewhere");
        var elsewhere = Directory.CreateDirectory(Path.Combine(workDir, "cwd")).FullName;
        await using var silo = new SiloProcess("engine", new Dictionary<string, string>(), workDir, currentDirectory: elsewhere);
        await silo.StartAsync();

        using var response = await silo.Client.GetAsync("/api/topics");
        response.EnsureSuccessStatusCode();
        await silo.KillAsync();

        // appsettings.json turns ASP.NET's per-request Information logs off; without it every request is logged.
        var log = silo.Log();
        Assert.Contains("Now listening on", log);
        Assert.DoesNotContain("Microsoft.AspNetCore.Routing.EndpointMiddleware", log);
        Assert.DoesNotContain("Microsoft.AspNetCore.Hosting.Diagnostics", log);
    }
}
