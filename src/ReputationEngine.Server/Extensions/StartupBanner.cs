using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReputationEngine.Server.Demo;
using ReputationEngine.Server.Access;

namespace ReputationEngine.Server.Extensions;

public static class StartupBanner
{
    public static void Print(WebApplication app, EngineOptions engine)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? EngineOptions.DefaultUrl;
        // Written to the console, never to a logger: the first-start key appears exactly once, here.
        var firstKey = app.Services.GetRequiredService<AccessBootstrap>().TakeFirstStartKey();
        var console = app.Services.GetService<BannerOutput>()?.Writer ?? Console.Out;
        console.WriteLine();
        console.WriteLine($"ReputationEngine is running. Data: {engine.DataDir}");
        if (firstKey is not null)
        {
            console.WriteLine($"  Dashboard: {url}/#key={firstKey}");
            console.WriteLine($"  Admin key: {firstKey}");
            console.WriteLine("             (shown once, only its hash is stored: keep it now; create more keys with POST /api/keys)");
        }
        else
        {
            var source = app.Services.GetRequiredService<ApiKeyStore>().EnvironmentKey is null ? "your key" : AccessOptions.AdminKeyVariable;
            console.WriteLine($"  Dashboard: {url}/#key=<{source}>");
        }

        console.WriteLine($"  API:       {url}/api/topics   (header {ApiKeyDefaults.Header})");
        console.WriteLine($"  Docs:      {url}{AccessExtensions.DocsPath}");
        if (engine.Demo)
        {
            var topics = string.Join(", ", DemoTopics.Create(DateTimeOffset.UtcNow).Select(t => t.Id));
            console.WriteLine($"  Demo:      synthetic mentions for {topics}; the first viral burst in {DemoFeed.FirstBurstAfter.TotalSeconds:0} s");
        }
        console.WriteLine();
    }
}
