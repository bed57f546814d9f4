using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ReputationEngine.Server.Tests.Infrastructure;

/// <summary>
/// The real server (real Orleans silo, real SQLite under a temporary data dir) on an in-memory HTTP transport.
/// Two factories on the same data dir, one after the other, are a restart.
/// </summary>
public sealed class EngineFactory(string dataDir, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public string DataDir { get; } = dataDir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data-dir", DataDir);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public static string NewDataDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "reputation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
