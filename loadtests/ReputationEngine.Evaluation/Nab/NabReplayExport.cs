using System.Globalization;
using System.Text.Json;

namespace ReputationEngine.Evaluation.Nab;

/// <summary>
/// Expands NAB series into recorded mentions for <c>reputation replay</c> and scores the alerts it writes.
/// Each series becomes one topic; each row becomes as many mentions as <see cref="NabRunner.Expansion"/>
/// gives (the same counts the direct evaluation feeds the detector), all at the row's timestamp in event time.
/// A row's mentions form one thread (a post and replies to it) so the replay's per-conversation work stays
/// proportional to rows, not mentions; texts are fixed neutral sentences so only volume can move.
/// </summary>
public static class NabReplayExport
{
    public const string ManifestName = "manifest.json";

    /// <summary>Distinct authors per topic (customer grains stay few; none is an influencer).</summary>
    public const int AuthorsPerTopic = 50;

    public const long AuthorFollowers = 100;

    // Scored neutral by the bundled sentiment model, so negativeSpike stays out of a volume benchmark.
    private static readonly string[] Texts = ["posting the weekly update", "the meeting is at noon", "hello from the office"];

    public sealed record Entry(string Name, string TopicId, string Mentions, string Topics, string Alerts, long MentionCount, double TargetMedian);

    /// <summary>Writes <c>DIR/NNN.ndjson</c> and <c>DIR/NNN.topics.json</c> per series and <c>DIR/manifest.json</c>.</summary>
    public static List<Entry> Write(IReadOnlyList<NabSeries> corpus, string directory, double targetMedian = NabRunner.TargetMedianCount)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Directory.CreateDirectory(directory);
        var entries = new List<Entry>();
        for (var s = 0; s < corpus.Count; s++)
        {
            var series = corpus[s];
            var topicId = TopicId(series.Name);
            var stem = s.ToString("D3", CultureInfo.InvariantCulture);
            var entry = new Entry(series.Name, topicId, stem + ".ndjson", stem + ".topics.json", stem + ".alerts.ndjson", 0, targetMedian);
            var settings = NabRunner.SettingsFor(series);
            var topic = new
            {
                id = topicId,
                name = series.Name,
                alerting = new Dictionary<string, double>
                {
                    ["bucketSeconds"] = settings.BucketSeconds,
                    ["resolveAfterMinutes"] = settings.ResolveAfterMinutes,
                },
            };
            File.WriteAllText(Path.Combine(directory, entry.Topics), JsonSerializer.Serialize(new[] { topic }));
            var count = WriteMentions(series, topicId, Path.Combine(directory, entry.Mentions), targetMedian);
            entries.Add(entry with { MentionCount = count });
        }

        File.WriteAllText(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(entries, JsonSerializerOptions.Web));
        return entries;
    }

    /// <summary>A valid topic id from a NAB file name (<c>realKnownCause/nyc_taxi.csv</c> → <c>nab.realKnownCause.nyc_taxi</c>).</summary>
    public static string TopicId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stem = name.EndsWith(".csv", StringComparison.Ordinal) ? name[..^4] : name;
        var id = "nab." + new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '.').ToArray());
        return id.Length <= 64 ? id : id[..64];
    }

    private static long WriteMentions(NabSeries series, string topicId, string path, double targetMedian)
    {
        var (offset, scale) = NabRunner.Expansion(series, targetMedian);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        var newline = "\n"u8;
        long written = 0;
        for (var row = 0; row < series.Values.Length; row++)
        {
            var count = NabRunner.Count(series.Values[row], offset, scale);
            var root = $"{topicId}:{row}";
            var at = new DateTimeOffset(series.Timestamps[row], TimeSpan.Zero);
            for (var k = 0; k < count; k++)
            {
                var author = $"{topicId}:u{written % AuthorsPerTopic}";
                json.WriteStartObject();
                json.WriteString("id", k == 0 ? root : $"{root}:{k}");
                json.WriteString("source", "other");
                json.WriteString("createdAt", at);
                json.WriteStartObject("author");
                json.WriteString("id", author);
                json.WriteNumber("followers", AuthorFollowers);
                json.WriteEndObject();
                json.WriteString("text", Texts[(row + k) % Texts.Length]);
                json.WriteStartArray("topics");
                json.WriteStringValue(topicId);
                json.WriteEndArray();
                json.WriteString("conversationId", root);
                if (k > 0)
                {
                    json.WriteString("kind", "reply");
                    json.WriteString("inReplyTo", root);
                }

                json.WriteEndObject();
                json.Flush();
                stream.Write(newline);
                json.Reset();
                written++;
            }
        }

        return written;
    }

    /// <summary>
    /// Rows at which a <c>volumeSpike</c> alert opened in a replay's output: its <c>openedAt</c> is the event time
    /// of the batch that opened it, which is a row's timestamp.
    /// </summary>
    public static List<int> DetectionRows(NabSeries series, string alertsPath, string topicId, string kind = "volumeSpike")
    {
        ArgumentNullException.ThrowIfNull(series);
        var rows = new List<int>();
        foreach (var line in File.ReadLines(alertsPath))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("type").GetString() != "alert"
                || root.GetProperty("topicId").GetString() != topicId
                || root.GetProperty("kind").GetString() != kind)
            {
                continue;
            }

            var opened = root.GetProperty("openedAt").GetDateTimeOffset().UtcDateTime;
            var i = Array.BinarySearch(series.Timestamps, opened);
            rows.Add(i >= 0 ? i : Math.Max(0, ~i - 1));
        }

        return rows;
    }
}
