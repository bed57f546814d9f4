using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ReputationEngine.LoadTests.Engine;

namespace ReputationEngine.LoadTests.Alerts;

/// <summary>
/// A dashboard client on /hubs/dashboard (DESIGN §4.5): subscribes to every topic of the run and records
/// <c>alertRaised</c> and <c>alertUpdated</c>. When the engine has no hub yet, the channel stays unavailable.
/// </summary>
public sealed class SignalRAlertListener(Uri engine, string? apiKey, AlertCollector collector) : IAsyncDisposable
{
    public const string HubPath = "hubs/dashboard";
    public const string SubscribeMethod = "Subscribe";
    public const string AlertRaised = "alertRaised";
    public const string AlertUpdated = "alertUpdated";

    private HubConnection? _connection;

    public async Task<bool> StartAsync(IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(engine, HubPath), options =>
            {
                if (apiKey is not null)
                {
                    options.Headers[EngineClient.ApiKeyHeader] = apiKey;
                    options.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
                }
            })
            .Build();
        connection.On<JsonElement>(AlertRaised, alert => collector.Add(AlertChannels.SignalR, alert));
        connection.On<JsonElement>(AlertUpdated, alert => collector.Add(AlertChannels.SignalR, alert));
        try
        {
            await connection.StartAsync(cancellationToken);
            foreach (var topic in topics)
            {
                await connection.InvokeAsync(SubscribeMethod, topic, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or Microsoft.AspNetCore.SignalR.HubException)
        {
            await connection.DisposeAsync();
            return false;
        }

        _connection = connection;
        collector.MarkAvailable(AlertChannels.SignalR);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
