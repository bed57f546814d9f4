using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ReputationEngine.LoadTests.Engine;

/// <summary>
/// The real server (its own <c>Program</c>: Orleans silo, SQLite, every endpoint) on real Kestrel at
/// 127.0.0.1, so the harness's HTTP goes through sockets exactly as a remote client's would.
/// </summary>
public sealed class EngineHostFactory : WebApplicationFactory<Program>
{
    private static readonly string[] QuietCategories = ["Default", "Orleans", "Microsoft", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Polly"];

    private readonly string _dataDir;
    private readonly string? _apiKey;

    public EngineHostFactory(string dataDir, int port, string? apiKey)
    {
        _dataDir = dataDir;
        _apiKey = apiKey;
        Port = port;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    public int Port { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", $"http://127.0.0.1:{Port}");
        builder.UseSetting("data-dir", _dataDir);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString());
        // The harness's webhook receiver listens on loopback, which the engine refuses to call unless allowed.
        builder.UseSetting("Webhooks:AllowedNetworks:0", "127.0.0.0/8");
        if (_apiKey is not null)
        {
            builder.UseSetting("REPUTATION_ADMIN_KEY", _apiKey);
        }

        // The harness owns the terminal: the engine only reports errors (settings override appsettings.json).
        foreach (var category in QuietCategories)
        {
            builder.UseSetting($"Logging:LogLevel:{category}", nameof(LogLevel.Error));
        }
    }
}
