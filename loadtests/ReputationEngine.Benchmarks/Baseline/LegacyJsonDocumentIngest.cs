// Baseline only: the ingest parsing path as it was before `parse1` (JsonDocument, then property lookups), copied
// verbatim from MentionBodyReader and MentionParser except for these adaptations: HTTP status constants as numbers,
// rejections as tuples, and the kind rule calls the shared MentionKinds.TryParse (as the topic rule calls TopicIds),
// so that both parsers follow the current contract (exact names only; Enum.TryParse took "post, reply"). It is not
// used by the engine; it stays so the benchmark (and the differential test in tests/ReputationEngine.Abstractions.Tests)
// can compare the new reader with what it replaced.
using System.Globalization;
using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Benchmarks.Baseline;

public static class LegacyMentionBodyReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = IngestLimits.MaxJsonDepth };

    public sealed record Parsed(List<(int Index, Mention Mention)> Valid, List<(int Index, string Error)> Rejected);

    public sealed record BodyError(int Status, string Title, string Detail);

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
            return (null, new BodyError(400, "Malformed JSON",
                $"The body is not valid JSON ({ex.Message}). Send a JSON array of mentions, or NDJSON with Content-Type application/x-ndjson."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return (null, new BodyError(400, "Expected a JSON array",
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
                parsed.Rejected.Add((index, $"line is not valid JSON: {ex.Message}"));
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
            valid = LegacyMentionParser.TryParse(item, now, out mention, out error);
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
            parsed.Rejected.Add((index, error));
        }
    }

    private static BodyError TooMany(int count) => new(413, "Too many mentions",
        $"A request may carry at most {IngestLimits.MaxMentionsPerRequest} mentions (got {count}); split the batch.");
}

/// <summary>
/// Turns one JSON object of the ingest contract (DESIGN §4.2) into a <see cref="Mention"/>, or explains
/// precisely why not. Unknown properties are ignored so feeds can send extra fields.
/// </summary>
public static class LegacyMentionParser
{
    public static bool TryParse(JsonElement json, DateTimeOffset now, out Mention? mention, out string error)
    {
        mention = null;
        if (json.ValueKind != JsonValueKind.Object)
        {
            error = $"a mention must be a JSON object, not {Describe(json.ValueKind)}";
            return false;
        }

        if (!RequiredString(json, "id", IngestLimits.MaxIdLength, out var id, out error)
            || !RequiredString(json, "source", 32, out var source, out error)
            || !RequiredString(json, "text", IngestLimits.MaxTextLength, out var text, out error)
            || !RequiredString(json, "createdAt", 64, out var createdAtText, out error))
        {
            return false;
        }

        source = source.ToLowerInvariant();
        if (Array.IndexOf(IngestLimits.Sources, source) < 0)
        {
            error = $"'source' must be one of {string.Join('|', IngestLimits.Sources)}";
            return false;
        }

        if (!DateTimeOffset.TryParse(createdAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var createdAt))
        {
            error = "'createdAt' must be an ISO 8601 date and time, e.g. 2026-11-22T18:00:00Z";
            return false;
        }

        if (createdAt > now + IngestLimits.FutureTolerance)
        {
            error = $"'createdAt' is more than {IngestLimits.FutureTolerance.TotalMinutes} minutes in the future";
            return false;
        }

        if (createdAt < IngestLimits.Earliest)
        {
            error = $"'createdAt' is before {IngestLimits.Earliest:yyyy-MM-dd}";
            return false;
        }

        if (!json.TryGetProperty("author", out var author) || author.ValueKind != JsonValueKind.Object)
        {
            error = "'author' is required and must be an object with at least an 'id'";
            return false;
        }

        if (!RequiredString(author, "id", IngestLimits.MaxIdLength, out var authorId, out error, "author.id")
            || !OptionalString(author, "name", IngestLimits.MaxNameLength, out var authorName, out error, "author.name"))
        {
            return false;
        }

        long followers = 0;
        if (author.TryGetProperty("followers", out var followersJson) && followersJson.ValueKind != JsonValueKind.Null)
        {
            if (followersJson.ValueKind != JsonValueKind.Number || !followersJson.TryGetInt64(out followers)
                || followers < 0 || followers > IngestLimits.MaxFollowers)
            {
                error = $"'author.followers' must be a whole number from 0 to {IngestLimits.MaxFollowers}";
                return false;
            }
        }

        var isBrand = false;
        if (author.TryGetProperty("isBrand", out var isBrandJson) && isBrandJson.ValueKind != JsonValueKind.Null)
        {
            if (isBrandJson.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                error = "'author.isBrand' must be true or false";
                return false;
            }

            isBrand = isBrandJson.GetBoolean();
        }

        if (!TryTopics(json, out var topics, out error)
            || !OptionalString(json, "conversationId", IngestLimits.MaxIdLength, out var conversationId, out error)
            || !OptionalString(json, "inReplyTo", IngestLimits.MaxIdLength, out var inReplyTo, out error)
            || !OptionalString(json, "sharedId", IngestLimits.MaxIdLength, out var sharedId, out error)
            || !OptionalString(json, "lang", IngestLimits.MaxLangLength, out var lang, out error)
            || !OptionalString(json, "url", IngestLimits.MaxUrlLength, out var url, out error)
            || !OptionalString(json, "kind", 16, out var kindText, out error))
        {
            return false;
        }

        foreach (var (name, value) in new[] { ("id", id), ("author.id", authorId), ("conversationId", conversationId), ("inReplyTo", inReplyTo), ("sharedId", sharedId) })
        {
            if (value is not null && !TextRules.IsCleanId(value, IngestLimits.MaxIdLength))
            {
                error = $"'{name}' is not a valid id: {TextRules.IdRule}";
                return false;
            }
        }

        var kind = MentionKind.Post;
        if (kindText is not null
            && !MentionKinds.TryParse(kindText, out kind))
        {
            error = "'kind' must be one of post|reply|share|quote|review";
            return false;
        }

        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            error = "'url' must be an absolute http or https URL";
            return false;
        }

        // A share belongs to the thread of what it shares, so the thread's share count sees it.
        conversationId ??= kind is MentionKind.Share or MentionKind.Quote && sharedId is not null ? sharedId : id;
        mention = new Mention
        {
            Id = id,
            Source = source,
            CreatedAt = createdAt.ToUniversalTime(),
            AuthorId = authorId,
            AuthorName = authorName,
            AuthorFollowers = followers,
            AuthorIsBrand = isBrand,
            Text = text,
            Topics = topics,
            ConversationId = conversationId,
            InReplyTo = inReplyTo,
            Kind = kind,
            SharedId = sharedId,
            Lang = lang,
            Url = url,
        };
        error = "";
        return true;
    }

    private static bool TryTopics(JsonElement json, out string[] topics, out string error)
    {
        topics = [];
        error = "";
        if (!json.TryGetProperty("topics", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > IngestLimits.MaxTopicsPerMention)
        {
            error = $"'topics' must be an array of at most {IngestLimits.MaxTopicsPerMention} topic ids";
            return false;
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var topic = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!TopicIds.IsValid(topic))
            {
                error = $"'topics' holds an invalid id: {TopicIds.Rule}";
                return false;
            }

            if (!list.Contains(topic!, StringComparer.Ordinal))
            {
                list.Add(topic!);
            }
        }

        topics = [.. list];
        return true;
    }

    private static bool RequiredString(JsonElement json, string name, int maxLength, out string value, out string error, string? path = null)
    {
        path ??= name;
        value = "";
        if (!json.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            error = $"'{path}' is required";
            return false;
        }

        if (!OptionalString(json, name, maxLength, out var text, out error, path))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"'{path}' must not be empty";
            return false;
        }

        value = text;
        return true;
    }

    private static bool OptionalString(JsonElement json, string name, int maxLength, out string? value, out string error, string? path = null)
    {
        path ??= name;
        value = null;
        error = "";
        if (!json.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (property.ValueKind != JsonValueKind.String)
        {
            error = $"'{path}' must be a string, not {Describe(property.ValueKind)}";
            return false;
        }

        var text = property.GetString()!;
        if (text.Length > maxLength)
        {
            error = $"'{path}' is longer than {maxLength} characters";
            return false;
        }

        if (text.AsSpan().IndexOfAnyInRange('\0', '\u0008') >= 0)
        {
            error = $"'{path}' contains control characters";
            return false;
        }

        if (!TextRules.IsWellFormed(text))
        {
            error = $"'{path}' contains an unpaired UTF-16 surrogate (invalid Unicode)";
            return false;
        }

        value = text;
        return true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.String => "a string",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
