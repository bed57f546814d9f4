using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReputationEngine.LoadTests.Traffic;

namespace ReputationEngine.LoadTests.Engine;

/// <summary>The harness's HTTP view of the engine: ingest, counts, alerts and webhook registration.</summary>
public sealed class EngineClient : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>A batch that takes longer than this counts as failed (it might still be applied: accepted is what 202 said).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] WebhookEvents = ["alert.opened", "alert.updated"];

    /// <summary>A webhook names at most this many topics (the engine's limit); a run with more subscribes to all.</summary>
    public const int MaxWebhookTopics = 100;

    private static readonly MediaTypeHeaderValue Ndjson = new(NdjsonEncoder.ContentType);

    private readonly HttpClient _http;

    public EngineClient(Uri baseAddress, string? apiKey, int connections)
    {
        BaseAddress = baseAddress;
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        if (apiKey is not null)
        {
            _http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        }
    }

    public Uri BaseAddress { get; }

    public async Task<IngestReply> PostMentionsAsync(byte[] body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Ndjson;
            using var response = await _http.PostAsync("api/mentions", content, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return new IngestReply((int)response.StatusCode, 0, 0, 0);
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = json.RootElement;
            return new IngestReply(
                (int)response.StatusCode,
                root.GetProperty("accepted").GetInt32(),
                root.GetProperty("duplicates").GetInt32(),
                root.GetProperty("rejected").GetArrayLength());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new IngestReply(0, 0, 0, 0);
        }
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync("healthz", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The topic's <c>totalMentions</c>, 0 for a topic the engine has not seen, null if the read failed.</summary>
    public async Task<long?> GetTopicTotalAsync(string topicId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync($"api/topics/{Uri.EscapeDataString(topicId)}/snapshot", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return 0;
            }

            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return json.RootElement.GetProperty("totalMentions").GetInt64();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>GET /api/ingest/status as JSON, or null where the engine has none.</summary>
    public async Task<JsonElement?> GetIngestStatusAsync(CancellationToken cancellationToken) => await GetJsonAsync("api/ingest/status", cancellationToken);

    /// <summary>GET /api/alerts as JSON, or null while the engine has no alerts API.</summary>
    public async Task<JsonElement?> GetAlertsAsync(CancellationToken cancellationToken) => await GetJsonAsync("api/alerts", cancellationToken);

    /// <summary>Registers a webhook for the run's topics; null when registered, otherwise why not (status and the engine's words).</summary>
    public async Task<string?> RegisterWebhookAsync(Uri url, string secret, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync("api/webhooks", new
            {
                url = url.ToString(),
                secret,
                // Alerts of topics outside the run are ignored by the collector, which matches them by topic.
                topics = topics.Count <= MaxWebhookTopics ? topics : [],
                minSeverity = 1,
                events = WebhookEvents,
            }, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return $"{(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return json.RootElement.Clone();
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return null;
        }
    }
}
