using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ReputationEngine.Server.Demo;

namespace ReputationEngine.Server.Extensions;

public static class StartupBanner
{
    public static void Print(WebApplication app, EngineOptions engine)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? EngineOptions.DefaultUrl;
        Console.WriteLine();
        Console.WriteLine($"ReputationEngine is running. Data: {engine.DataDir}");
        Console.WriteLine($"  Dashboard: {url}/");
        Console.WriteLine($"  API:       {url}/api/topics");
        if (engine.Demo)
        {
            var topics = string.Join(", ", DemoTopics.Create(DateTimeOffset.UtcNow).Select(t => t.Id));
            Console.WriteLine($"  Demo:      synthetic mentions for {topics}; the first viral burst in {DemoFeed.FirstBurstAfter.TotalSeconds:0} s");
        }
        Console.WriteLine();
    }
}
