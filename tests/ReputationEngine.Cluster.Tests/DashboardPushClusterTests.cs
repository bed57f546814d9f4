using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReputationEngine.Cluster.Tests.Infrastructure;

namespace ReputationEngine.Cluster.Tests;

/// <summary>
/// Dashboard push across silos (DESIGN §4.5): grains reach the SignalR clients of every silo through the per-silo hub
/// observers in the hub-list grain, not only the clients of the silo they live on.
/// </summary>
public sealed class DashboardPushClusterTests(PostgresServer postgres)
{
    private const int CalmMinutes = 45;
    private const int CalmPerMinute = 3;
    private const int BurstSize = 150;
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoSilos_MentionsPostedToOneSilo_ReachDashboardClientsOnBothSilos()
    {
        await using var cluster = SiloCluster.OnPostgres(await postgres.CreateDatabaseAsync(), silos: 2);
        await cluster.StartAsync();
        var (a, b) = (cluster.Silos[0], cluster.Silos[1]);

        // Each topic is fed through one silo only and watched from both. Wherever its grain is placed, one of the two
        // clients is on the other silo, so every pair (topic, client) passing proves delivery across silos.
        (string Topic, SiloProcess Ingest)[] routes = [("push-via-a", a), ("push-via-b", b)];
        var topics = routes.Select(r => r.Topic).ToArray();
        foreach (var topic in topics)
        {
            using var put = await a.Client.PutAsJsonAsync($"/api/topics/{topic}", new { name = topic, keywords = new[] { topic } });
            put.EnsureSuccessStatusCode();
        }

        await using var onA = await DashboardClient.ConnectAsync(a, topics);
        await using var onB = await DashboardClient.ConnectAsync(b, topics);
        DashboardClient[] clients = [onA, onB];

        // Calm history first (the detector's baseline), then a burst in the current minute.
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(routes.Select(r => PostAsync(r.Ingest, Calm(r.Topic, now))));
        await Task.WhenAll(routes.Select(r => WaitForIngestAsync(r.Ingest)));
        var acknowledged = await Task.WhenAll(routes.Select(async r =>
        {
            await PostAsync(r.Ingest, Burst(r.Topic, now));
            return Stopwatch.GetTimestamp();
        }));

        var expectedTotal = (CalmMinutes * CalmPerMinute) + BurstSize;
        var report = new List<string>();
        for (var i = 0; i < routes.Length; i++)
        {
            var (topic, ingest) = routes[i];
            foreach (var client in clients)
            {
                var updated = await WaitAsync(client, DashboardClient.TopicUpdated, cluster,
                    p => DashboardClient.TopicOf(p) == topic && p.GetProperty("totalMentions").GetInt64() == expectedTotal);
                var raised = await WaitAsync(client, DashboardClient.AlertRaised, cluster, p => DashboardClient.TopicOf(p) == topic);
                report.Add($"{topic} (posted to {ingest.Name}) → client on {client.Silo}: alertRaised {raised.Payload.GetProperty("kind").GetString()} "
                    + $"{Stopwatch.GetElapsedTime(acknowledged[i], raised.ReceivedAt).TotalMilliseconds:F0} ms, final topicUpdated "
                    + $"{Stopwatch.GetElapsedTime(acknowledged[i], updated.ReceivedAt).TotalMilliseconds:F0} ms after the burst's 202");
            }
        }

        // Every alert raised for a topic reaches the clients of both silos, not only the first one each saw.
        foreach (var topic in topics)
        {
            var ids = clients.SelectMany(c => c.Received(DashboardClient.AlertRaised)).Where(p => DashboardClient.TopicOf(p) == topic)
                .Select(p => p.GetProperty("id").GetString()).ToHashSet(StringComparer.Ordinal);
            foreach (var client in clients)
            {
                foreach (var id in ids)
                {
                    await WaitAsync(client, DashboardClient.AlertRaised, cluster, p => p.GetProperty("id").GetString() == id);
                }
            }

            report.Add($"{topic}: {ids.Count} alert(s) on both clients");
        }

        Output.Report($"postgres 2 silos, dashboard push across silos: {string.Join("; ", report)}");
    }

    private static async Task<DashboardClient.Push> WaitAsync(DashboardClient client, string method, SiloCluster cluster, Func<JsonElement, bool> match)
    {
        try
        {
            return await client.WaitForAsync(method, match, PushTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\n" + string.Join("\n", cluster.Silos.Select(s => $"---- {s.Name}\n{s.Log()}")));
        }
    }

    private static JsonArray Calm(string topic, DateTimeOffset now) =>
        [.. Enumerable.Range(0, CalmMinutes * CalmPerMinute).Select(i => Mention(
            $"{topic}:calm:{i}", $"{topic} store visit {i % 7}", topic, $"tw:{topic}-c{i % 40}", now.AddMinutes(-CalmMinutes - 1).AddSeconds(i * 60 / CalmPerMinute)))];

    private static JsonArray Burst(string topic, DateTimeOffset now) =>
        [.. Enumerable.Range(0, BurstSize).Select(i => Mention(
            $"{topic}:burst:{i}", $"{topic} app outage again, cannot log in", topic, $"tw:{topic}-b{i}", now.AddSeconds(-(i % 50))))];

    private static JsonObject Mention(string id, string text, string topic, string author, DateTimeOffset at) => new JsonObject
    {
        ["id"] = $"tw:{id}",
        ["source"] = "twitter",
        ["createdAt"] = at.ToString("O"),
        ["author"] = new JsonObject { ["id"] = author, ["followers"] = 100 },
        ["text"] = text,
        ["topics"] = new JsonArray(topic),
    };

    private static async Task PostAsync(SiloProcess silo, JsonArray mentions)
    {
        using var response = await silo.Client.PostAsync("/api/mentions", new StringContent(mentions.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task WaitForIngestAsync(SiloProcess silo)
    {
        var waited = Stopwatch.StartNew();
        while ((await silo.GetJsonAsync("/api/ingest/status")).GetProperty("pending").GetInt64() > 0)
        {
            if (waited.Elapsed > SiloCluster.ConvergeTimeout)
            {
                throw new TimeoutException($"{silo.Name}: ingest still pending after {SiloCluster.ConvergeTimeout}");
            }

            await Task.Delay(20);
        }
    }
}
