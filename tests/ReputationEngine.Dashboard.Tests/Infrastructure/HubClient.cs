using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReputationEngine.Dashboard.Tests.Infrastructure;

/// <summary>A .NET SignalR client of /hubs/dashboard with the key as access_token, as browsers send it.</summary>
public static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(DashboardServer server, string? key = DashboardServer.ApiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/dashboard"), o => o.AccessTokenProvider = () => Task.FromResult(key))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
