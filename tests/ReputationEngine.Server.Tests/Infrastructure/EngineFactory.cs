using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ReputationEngine.Server.Tests.Infrastructure;

/// <summary>
/// The real server (real Orleans silo, real SQLite under a temporary data dir) on an in-memory HTTP transport.
/// Two factories on the same data dir, one after the other, are a restart. Unless the settings say otherwise,
/// <c>REPUTATION_ADMIN_KEY</c> is <see cref="AdminKey"/> and every client sends it.
/// </summary>
public sealed class EngineFactory(string dataDir, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789abcdef";
    public const string AdminKeySetting = "REPUTATION_ADMIN_KEY";
    public const string ApiKeyHeader = "X-Api-Key";

    public string DataDir { get; } = dataDir;

    /// <summary>The key every <see cref="WebApplicationFactory{T}.CreateClient()"/> client sends; null sends none.</summary>
    public string? ClientKey { get; set; } = settings is not null && settings.TryGetValue(AdminKeySetting, out var key) ? NullIfEmpty(key) : AdminKey;

    /// <summary>Extra service registrations (e.g. a <c>BannerOutput</c> to read the startup banner).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (ConfigureServices is not null)
        {
            builder.ConfigureServices(ConfigureServices);
        }

        builder.UseSetting("data-dir", DataDir);
        builder.UseSetting("Orleans:SiloPort", FreePorts.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePorts.Next().ToString());
        builder.UseSetting(AdminKeySetting, AdminKey);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (ClientKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader, ClientKey);
        }
    }

    /// <summary>A client sending <paramref name="key"/> (or no key when null).</summary>
    public HttpClient CreateClient(string? key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(ApiKeyHeader);
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyHeader, key);
        }

        return client;
    }

    public static string NewDataDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "reputation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
