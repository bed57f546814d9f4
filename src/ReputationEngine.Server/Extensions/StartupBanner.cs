using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

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
        Console.WriteLine();
    }
}
