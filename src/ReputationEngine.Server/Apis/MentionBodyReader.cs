using System.Buffers;
using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Apis;

/// <summary>
/// Reads an ingest body — a JSON array, or NDJSON when the content type says so — within the size and count
/// limits, and validates each item. A body that cannot be read as a whole is a <see cref="BodyError"/>;
/// an item that fails validation is rejected alone with its index.
/// </summary>
public static class MentionBodyReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = IngestLimits.MaxJsonDepth };

    public sealed record Parsed(List<(int Index, Mention Mention)> Valid, List<RejectedMention> Rejected);

    public sealed record BodyError(int Status, string Title, string Detail);

    public static bool IsNdjson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the whole body, refusing more than <see cref="IngestLimits.MaxBodyBytes"/>.</summary>
    public static async Task<(byte[]? Body, int Length, BodyError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > IngestLimits.MaxBodyBytes)
        {
            return (null, 0, TooLarge());
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 64 * 1024, IngestLimits.MaxBodyBytes) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > IngestLimits.MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0, TooLarge());
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, IngestLimits.MaxBodyBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > IngestLimits.MaxBodyBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0, TooLarge());
            }
        }

        return (buffer, length, null);
    }

    public static (Parsed? Parsed, BodyError? Error) Parse(ReadOnlyMemory<byte> body, bool ndjson, DateTimeOffset now) =>
        ndjson ? ParseNdjson(body, now) : ParseArray(body, now);

    private static (Parsed?, BodyError?) ParseArray(ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return (null, new BodyError(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON ({ex.Message}). Send a JSON array of mentions, or NDJSON with Content-Type application/x-ndjson."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return (null, new BodyError(StatusCodes.Status400BadRequest, "Expected a JSON array",
                    "The body must be a JSON array of mentions (or NDJSON with Content-Type application/x-ndjson)."));
            }

            if (root.GetArrayLength() > IngestLimits.MaxMentionsPerRequest)
            {
                return (null, TooMany(root.GetArrayLength()));
            }

            var parsed = new Parsed(new List<(int, Mention)>(root.GetArrayLength()), []);
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                Validate(item, index++, now, parsed);
            }

            return (parsed, null);
        }
    }

    private static (Parsed?, BodyError?) ParseNdjson(ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        var parsed = new Parsed([], []);
        var rest = body;
        var index = 0;
        while (!rest.IsEmpty)
        {
            var newline = rest.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            if (index >= IngestLimits.MaxMentionsPerRequest)
            {
                return (null, TooMany(index + 1));
            }

            try
            {
                using var document = JsonDocument.Parse(line, DocumentOptions);
                Validate(document.RootElement, index, now, parsed);
            }
            catch (JsonException ex)
            {
                parsed.Rejected.Add(new RejectedMention(index, $"line is not valid JSON: {ex.Message}"));
            }

            index++;
        }

        return (parsed, null);
    }

    private static void Validate(JsonElement item, int index, DateTimeOffset now, Parsed parsed)
    {
        bool valid;
        Mention? mention;
        string error;
        try
        {
            valid = MentionParser.TryParse(item, now, out mention, out error);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString throws on string bytes that are not valid UTF-8: that item alone is refused.
            (valid, mention, error) = (false, null, "a string in this mention is not valid UTF-8");
        }

        if (valid)
        {
            parsed.Valid.Add((index, mention!));
        }
        else
        {
            parsed.Rejected.Add(new RejectedMention(index, error));
        }
    }

    private static BodyError TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"A request may carry at most {IngestLimits.MaxBodyBytes / (1024 * 1024)} MiB; split the batch.");

    private static BodyError TooMany(int count) => new(StatusCodes.Status413PayloadTooLarge, "Too many mentions",
        $"A request may carry at most {IngestLimits.MaxMentionsPerRequest} mentions (got {count}); split the batch.");
}
