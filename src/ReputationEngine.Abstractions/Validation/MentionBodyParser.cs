using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Validation;

/// <summary>
/// Parses an ingest body (DESIGN §4.2) — a JSON array, or NDJSON — in one forward pass, validating each item with
/// <see cref="MentionParser"/>. A body that cannot be read as a whole is a <see cref="Fault"/>; an item that fails
/// validation is rejected alone with its index. The caller has already enforced the byte limit.
/// </summary>
public static class MentionBodyParser
{
    /// <summary>The reader settings of every ingest body (and of each NDJSON line).</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = IngestLimits.MaxJsonDepth };

    public sealed record Result(List<(int Index, Mention Mention)> Valid, List<(int Index, string Error)> Rejected);

    public enum FaultKind
    {
        /// <summary>Not JSON (or a line-less NDJSON problem): 400.</summary>
        Malformed,

        /// <summary>Valid JSON whose root is not an array: 400.</summary>
        NotAnArray,

        /// <summary>More than <see cref="IngestLimits.MaxMentionsPerRequest"/> items: 413.</summary>
        TooMany,
    }

    public sealed record Fault(FaultKind Kind, string Title, string Detail);

    public static (Result? Result, Fault? Fault) Parse(ReadOnlySpan<byte> body, bool ndjson, DateTimeOffset now) =>
        ndjson ? ParseNdjson(body, now) : ParseArray(body, now);

    private static (Result?, Fault?) ParseArray(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var reader = new Utf8JsonReader(body, ReaderOptions);
        var result = new Result([], []);
        var parser = new MentionParser();
        var count = 0;
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                // Read the value to its end all the same: a malformed body is reported as malformed, whatever it starts with.
                reader.Skip();
                ReadPastEnd(ref reader);
                return (null, new Fault(FaultKind.NotAnArray, "Expected a JSON array",
                    "The body must be a JSON array of mentions (or NDJSON with Content-Type application/x-ndjson)."));
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                // Past the limit, items are only counted (for the message) and checked for syntax (400 outranks 413).
                if (++count > IngestLimits.MaxMentionsPerRequest)
                {
                    reader.Skip();
                    continue;
                }

                Add(result, count - 1, parser.TryRead(ref reader, now, out var mention, out var error), mention, error);
            }

            ReadPastEnd(ref reader);
        }
        catch (JsonException ex)
        {
            return (null, new Fault(FaultKind.Malformed, "Malformed JSON",
                $"The body is not valid JSON ({ex.Message}). Send a JSON array of mentions, or NDJSON with Content-Type application/x-ndjson."));
        }

        return count > IngestLimits.MaxMentionsPerRequest ? (null, TooMany(count)) : (result, null);
    }

    private static (Result?, Fault?) ParseNdjson(ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var result = new Result([], []);
        var parser = new MentionParser();
        var index = 0;
        while (!body.IsEmpty)
        {
            var newline = body.IndexOf((byte)'\n');
            var line = newline < 0 ? body : body[..newline];
            body = newline < 0 ? default : body[(newline + 1)..];
            if (IsBlankLine(line))
            {
                continue;
            }

            if (index >= IngestLimits.MaxMentionsPerRequest)
            {
                return (null, TooMany(index + 1));
            }

            Add(result, index, TryParseLine(line, parser, now, out var mention, out var error), mention, error);
            index++;
        }

        return (result, null);
    }

    /// <summary>Whether an NDJSON line (without its '\n') holds nothing but spaces, tabs and '\r': such lines are skipped.</summary>
    public static bool IsBlankLine(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    /// <summary>
    /// Judges one non-blank NDJSON line (without its '\n') exactly as an NDJSON ingest body's line is judged: the same
    /// reader settings, the same rules and the same messages. <c>reputation replay</c> reads its files with it.
    /// <paramref name="parser"/> may be reused line after line (one thread).
    /// </summary>
    public static bool TryParseLine(ReadOnlySpan<byte> line, MentionParser parser, DateTimeOffset now, out Mention? mention, out string error)
    {
        ArgumentNullException.ThrowIfNull(parser);
        try
        {
            // One reader per line: a broken line costs only itself, and error positions count from its start.
            var reader = new Utf8JsonReader(line, ReaderOptions);
            reader.Read();
            var valid = parser.TryRead(ref reader, now, out mention, out error);
            ReadPastEnd(ref reader);
            return valid;
        }
        catch (JsonException ex)
        {
            mention = null;
            error = $"line is not valid JSON: {ex.Message}";
            return false;
        }
    }

    /// <summary>Anything but whitespace after the root value throws, as it did when a whole document was parsed.</summary>
    private static void ReadPastEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new InvalidOperationException("The reader returned a token after the root value.");
        }
    }

    private static void Add(Result result, int index, bool valid, Mention? mention, string error)
    {
        if (valid)
        {
            result.Valid.Add((index, mention!));
        }
        else
        {
            result.Rejected.Add((index, error));
        }
    }

    private static Fault TooMany(int count) => new(FaultKind.TooMany, "Too many mentions",
        $"A request may carry at most {IngestLimits.MaxMentionsPerRequest} mentions (got {count}); split the batch.");
}
