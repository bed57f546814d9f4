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

    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// Valid mentions in event-time order (stable for equal times), duplicates dropped as in ingest. Each line is judged
    /// by the ingest parser exactly as a line of an NDJSON body of <c>POST /api/mentions</c> is (<see
    /// cref="MentionBodyParser.TryParseLine"/>: same rules, same messages, prefixed with the line number here), straight
    /// from the file's bytes: lines end at '\n', blank lines are skipped, and invalid UTF-8 is refused, not replaced.
    /// Two differences, both for recordings: a UTF-8 byte-order mark at the start of the file is skipped (an editor's
    /// mark, not content), and "not in the future" is not checked (history may be far from today). A file has no
    /// request limits: any number of lines.
    /// </summary>
    public static Mentions ReadMentions(string path)
    {
        var valid = new List<Mention>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var invalid = 0;
        var duplicates = 0;
        var errors = new List<string>();
        var lineNumber = 0;
        var now = DateTimeOffset.MaxValue.AddDays(-1);
        var parser = new MentionParser();

        void Line(ReadOnlySpan<byte> line)
        {
            lineNumber++;
            if (MentionBodyParser.IsBlankLine(line))
            {
                return;
            }

            if (MentionBodyParser.TryParseLine(line, parser, now, out var mention, out var error))
            {
                if (seen.Add(mention!.Id))
                {
                    valid.Add(mention);
                }
                else
                {
                    duplicates++;
                }

                return;
            }

            invalid++;
            if (errors.Count < MaxReportedErrors)
            {
                errors.Add($"line {lineNumber}: {error}");
            }
        }

        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
        {
            // Whole lines are handed over from the buffer; a line longer than the buffer grows it.
            var buffer = new byte[ChunkBytes];
            int start = 0, end = 0;
            var first = true;
            while (true)
            {
                if (start > 0 && (end == buffer.Length || start == end))
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (end, start) = (end - start, 0);
                }

                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = file.Read(buffer, end, buffer.Length - end);
                if (first)
                {
                    first = false;
                    if (read >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                    {
                        start = 3;
                    }
                }

                if (read == 0)
                {
                    if (end > start)
                    {
                        Line(buffer.AsSpan(start, end - start));
                    }

                    break;
                }

                var scanFrom = end;
                end += read;
                while (true)
                {
                    var newline = buffer.AsSpan(scanFrom, end - scanFrom).IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    Line(buffer.AsSpan(start, scanFrom + newline - start));
                    start = scanFrom + newline + 1;
                    scanFrom = start;
                }
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
