using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ReputationEngine.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real server on real Kestrel (127.0.0.1, a free port) with a temporary SQLite data dir and an admin key,
/// so a real browser can load the dashboard. A second server on the same data dir and port is a restart.
/// </summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    public const string ApiKey = "dashboard-test-key";

    private readonly int _port;

    public DashboardServer(string? dataDir = null, int? port = null)
    {
        DataDir = dataDir ?? NewDataDir();
        _port = port ?? FreePort();
        UseKestrel();
    }

    public string DataDir { get; }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>The dashboard URL with the key in the fragment, as the startup banner prints it.</summary>
    public string DashboardUrl => $"{BaseAddress.ToString().TrimEnd('/')}/#key={ApiKey}";

    public int Port => _port;

    public static DashboardServer Start(string? dataDir = null, int? port = null)
    {
        var server = new DashboardServer(dataDir, port);
        server.StartServer();
        return server;
    }

    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", $"http://127.0.0.1:{_port}");
        builder.UseSetting("data-dir", DataDir);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.UseSetting("REPUTATION_ADMIN_KEY", ApiKey);
    }

    public static string NewDataDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "reputation-dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
