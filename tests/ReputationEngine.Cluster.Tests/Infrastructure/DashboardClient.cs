using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ReputationEngine.Cluster.Tests.Infrastructure;

/// <summary>
/// A real SignalR client of one silo's <c>/hubs/dashboard</c> (the admin key as <c>access_token</c>, as browsers send
/// it), subscribed to some topics. Records every push it receives with the local time it arrived.
/// </summary>
public sealed class DashboardClient : IAsyncDisposable
{
    public const string TopicUpdated = "topicUpdated";
    public const string AlertRaised = "alertRaised";
    public const string AlertUpdated = "alertUpdated";
    public const string ConversationUpdated = "conversationUpdated";
    private static readonly string[] Methods = [TopicUpdated, AlertRaised, AlertUpdated, ConversationUpdated];
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly HubConnection _connection;
    private readonly List<Push> _received = [];

    private DashboardClient(string silo, HubConnection connection)
    {
        Silo = silo;
        _connection = connection;
    }

    /// <summary>The name of the silo this client is connected to.</summary>
    public string Silo { get; }

    public static async Task<DashboardClient> ConnectAsync(SiloProcess silo, params string[] topics)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.Client.BaseAddress!, "/hubs/dashboard"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(SiloProcess.AdminKey))
            .Build();
        var client = new DashboardClient(silo.Name, connection);
        foreach (var method in Methods)
        {
            connection.On<JsonElement>(method, payload => client.Record(method, payload));
        }

        await connection.StartAsync();
        foreach (var topic in topics)
        {
            await connection.InvokeAsync("Subscribe", topic);
        }

        return client;
    }

    /// <summary>Waits for the first push of <paramref name="method"/> matching <paramref name="match"/> (already received or still to come).</summary>
    public async Task<Push> WaitForAsync(string method, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            lock (_received)
            {
                var found = _received.FirstOrDefault(p => p.Method == method && match(p.Payload));
                if (found is not null)
                {
                    return found;
                }
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The client on {Silo} received no matching {method} within {timeout}; it received: {Summary()}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The payloads of <paramref name="method"/> received so far.</summary>
    public JsonElement[] Received(string method)
    {
        lock (_received)
        {
            return [.. _received.Where(p => p.Method == method).Select(p => p.Payload)];
        }
    }

    /// <summary>What was received so far, one short line per method and topic (for failure messages).</summary>
    public string Summary()
    {
        lock (_received)
        {
            return _received.Count == 0
                ? "nothing"
                : string.Join(", ", _received.GroupBy(p => $"{p.Method}({TopicOf(p.Payload)})").Select(g => $"{g.Key}×{g.Count()}"));
        }
    }

    public static string? TopicOf(JsonElement payload) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("topicId", out var topic) ? topic.GetString() : null;

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Record(string method, JsonElement payload)
    {
        var push = new Push(method, payload.Clone(), Stopwatch.GetTimestamp());
        lock (_received)
        {
            _received.Add(push);
        }
    }

    /// <summary>One server-to-client message; <see cref="ReceivedAt"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public sealed record Push(string Method, JsonElement Payload, long ReceivedAt);
}
