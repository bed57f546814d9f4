using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReputationEngine.Cluster.Tests.Infrastructure;

/// <summary>
/// A stream of ingest batches with unique mention ids, spread over a few topics and many authors, posted
/// round-robin to the silos. A batch whose request fails (its silo was killed) is re-sent to the next silo
/// until some silo answers 202 — exactly what a client does; the mention ids make the re-send safe.
/// </summary>
public sealed class MentionStream(IReadOnlyList<SiloProcess> silos, int batches, int batchSize, string[] topics, string idPrefix = "")
{
    public const int Authors = 200;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    private int _acknowledged;

    public int Batches => batches;

    /// <summary>Every mention of the stream (each id once).</summary>
    public int Total => batches * batchSize;

    public int AcknowledgedBatches => Volatile.Read(ref _acknowledged);

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    /// <summary>How many mentions of the stream author number <paramref name="author"/> wrote.</summary>
    public long MentionsBy(int author) => Enumerable.Range(0, Total).Count(i => i % Authors == author);

    /// <summary>Per topic, how many mentions the stream holds.</summary>
    public Dictionary<string, long> ExpectedPerTopic()
    {
        var expected = topics.ToDictionary(t => t, _ => 0L, StringComparer.Ordinal);
        for (var i = 0; i < Total; i++)
        {
            expected[TopicOf(i)]++;
        }

        return expected;
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var next = 0;
        for (var b = 0; b < batches; b++)
        {
            var body = Batch(b);
            var deadline = DateTime.UtcNow + GiveUpAfter;
            while (true)
            {
                var silo = silos[next++ % silos.Count];
                try
                {
                    using var response = await silo.Client.PostAsync("/api/mentions", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        var result = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                        Accepted += result.GetProperty("accepted").GetInt64();
                        Duplicates += result.GetProperty("duplicates").GetInt64();
                        Interlocked.Increment(ref _acknowledged);
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    // The silo is down or died mid-request: the batch may or may not be logged there. Send it elsewhere.
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"No silo accepted batch {b} within {GiveUpAfter}");
                }

                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private string TopicOf(int index) => topics[index % topics.Length];

    private string Batch(int batch)
    {
        var array = new JsonArray();
        var createdAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = batch * batchSize; i < (batch + 1) * batchSize; i++)
        {
            array.Add(new JsonObject
            {
                ["id"] = $"tw:{idPrefix}{i}",
                ["source"] = "twitter",
                ["createdAt"] = createdAt.AddMilliseconds(i).ToString("O"),
                ["author"] = new JsonObject { ["id"] = $"tw:author{i % Authors}", ["followers"] = 10 },
                ["text"] = $"mention {i} about the service, not great",
                ["topics"] = new JsonArray(TopicOf(i)),
            });
        }

        return array.ToJsonString();
    }
}
