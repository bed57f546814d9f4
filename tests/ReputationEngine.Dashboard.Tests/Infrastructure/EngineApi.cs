using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReputationEngine.Dashboard.Tests.Infrastructure;

/// <summary>The engine's HTTP API as the tests use it (DESIGN §4.2–4.4).</summary>
public static class EngineApi
{
    public static async Task PutTopicAsync(this HttpClient client, string id, string name)
    {
        var response = await client.PutAsJsonAsync($"/api/topics/{id}", new { name, keywords = new[] { id } });
        response.EnsureSuccessStatusCode();
    }

    public static async Task PostMentionsAsync(this HttpClient client, params JsonNode[] mentions)
    {
        var response = await client.PostAsync("/api/mentions", new StringContent(new JsonArray(mentions).ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until every accepted mention has reached the grains.</summary>
    public static async Task WaitForIngestAsync(this HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await client.GetFromJsonAsync<JsonElement>("/api/ingest/status")).GetProperty("pending").GetInt64() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Ingest still pending");
            }

            await Task.Delay(20);
        }
    }

    public static JsonObject Mention(string id, string text, string topic, string author = "tw:jane", long followers = 100,
        string kind = "post", string? conversationId = null, DateTimeOffset? at = null)
    {
        var mention = new JsonObject
        {
            ["id"] = id,
            ["source"] = "twitter",
            ["createdAt"] = (at ?? DateTimeOffset.UtcNow).ToString("O"),
            ["author"] = new JsonObject { ["id"] = author, ["name"] = author, ["followers"] = followers },
            ["text"] = text,
            ["topics"] = new JsonArray(topic),
            ["kind"] = kind,
            ["conversationId"] = conversationId ?? id,
        };
        if (kind == "share")
        {
            mention["sharedId"] = conversationId;
        }

        return mention;
    }
}
