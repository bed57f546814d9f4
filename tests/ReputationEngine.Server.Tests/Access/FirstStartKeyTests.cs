using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ReputationEngine.Server.Access;
using ReputationEngine.Server.Extensions;
using ReputationEngine.Server.Tests.Infrastructure;

namespace ReputationEngine.Server.Tests.Access;

public sealed class FirstStartKeyTests
{
    private static readonly Dictionary<string, string> NoEnvironmentKey = new() { [EngineFactory.AdminKeySetting] = "" };

    [Fact]
    public async Task FirstStart_CreatesAdminKeyOnce_StoresOnlyItsHash()
    {
        var dataDir = EngineFactory.NewDataDir();
        string key;
        var banner = new StringWriter();
        await using (var first = new EngineFactory(dataDir, NoEnvironmentKey) { ConfigureServices = s => s.AddSingleton(new BannerOutput(banner)) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.CreateClient().GetAsync("/api/topics")).StatusCode);
            key = Regex.Match(banner.ToString(), "Admin key: (rek_\\S+)").Groups[1].Value;
            Assert.Contains($"/#key={key}", banner.ToString(), StringComparison.Ordinal);
            Assert.Null(first.Services.GetRequiredService<AccessBootstrap>().TakeFirstStartKey());
            Assert.Equal(HttpStatusCode.OK, (await first.CreateClient(key).GetAsync("/api/keys")).StatusCode);
        }

        var secret = Encoding.UTF8.GetBytes(key[^24..]);
        foreach (var file in Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(secret) < 0, $"{file} holds the plain key");
        }

        var secondBanner = new StringWriter();
        await using var second = new EngineFactory(dataDir, NoEnvironmentKey) { ConfigureServices = s => s.AddSingleton(new BannerOutput(secondBanner)) };
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient(key).GetAsync("/api/keys")).StatusCode);
        Assert.DoesNotContain("rek_", secondBanner.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentKey_IsTheAdminKey_AndNoOtherIsCreated()
    {
        await using var engine = new EngineFactory(EngineFactory.NewDataDir());
        var client = engine.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/keys")).StatusCode);
        Assert.Null(engine.Services.GetRequiredService<AccessBootstrap>().TakeFirstStartKey());
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/keys/{ApiKeyStore.EnvironmentKeyId}")).StatusCode);
    }
}
