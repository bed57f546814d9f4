using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Cli.Replay;

/// <summary>Reads recorded mentions (NDJSON, the ingest contract) and topic definitions for a replay.</summary>
public static class ReplayInput
{
    public sealed record Mentions(List<Mention> Valid, int Invalid, int Duplicates, List<string> FirstErrors);

    public const int MaxReportedErrors = 10;

    /// <summary>Valid mentions in event-time order (stable for equal times), duplicates dropped as in ingest.</summary>
    public static Mentions ReadMentions(string path)
    {
        var valid = new List<Mention>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invalid = 0;
        var duplicates = 0;
        var errors = new List<string>();
        var lineNumber = 0;
        // Recorded history may be far from today: only ingest's "not in the future" rule is relaxed.
        var now = DateTimeOffset.MaxValue.AddDays(-1);
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? error;
            try
            {
                using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = IngestLimits.MaxJsonDepth });
                if (MentionParser.TryParse(document.RootElement, now, out var mention, out error))
                {
                    if (seen.Add(mention!.Id))
                    {
                        valid.Add(mention);
                    }
                    else
                    {
                        duplicates++;
                    }

                    continue;
                }
            }
            catch (JsonException ex)
            {
                error = $"not valid JSON ({ex.Message})";
            }

            invalid++;
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add($"line {lineNumber}: {error}");
            }
        }

        return new Mentions([.. valid.OrderBy(m => m.CreatedAt)], invalid, duplicates, errors);
    }

    /// <summary>A JSON array of topic definitions (the PUT /api/topics body plus "id").</summary>
    public static TopicDefinition[] ReadTopics(string path)
    {
        using var stream = File.OpenRead(path);
        var topics = JsonSerializer.Deserialize<TopicDefinition[]>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} must hold a JSON array of topics.");
        foreach (var topic in topics)
        {
            if (!TopicIds.IsValid(topic.Id))
            {
                throw new InvalidDataException($"Topic id '{topic.Id}' in {path} is invalid: {TopicIds.Rule}.");
            }
        }

        return topics;
    }
}
