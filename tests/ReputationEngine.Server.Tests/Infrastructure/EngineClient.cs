using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ReputationEngine.Server.Tests.Infrastructure;

public static class EngineClient
{
    public static Task<HttpResponseMessage> PostMentionsAsync(this HttpClient client, string json, string contentType = "application/json") =>
        client.PostAsync("/api/mentions", new StringContent(json, Encoding.UTF8, contentType));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Waits until every accepted mention has been applied to the grains (no sleeps of fixed length).</summary>
    public static async Task WaitForIngestAsync(this HttpClient client, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await (await client.GetAsync("/api/ingest/status")).JsonAsync();
            if (status.GetProperty("pending").GetInt64() == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Ingest still pending: {status}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task PutTopicAsync(this HttpClient client, string id, object body)
    {
        var response = await client.PutAsJsonAsync($"/api/topics/{id}", body);
        response.EnsureSuccessStatusCode();
    }
}
