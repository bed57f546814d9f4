using System.Globalization;
using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Validation;

/// <summary>
/// Turns one JSON object of the ingest contract (DESIGN §4.2) into a <see cref="Mention"/>, or explains
/// precisely why not. Unknown properties are ignored so feeds can send extra fields.
/// </summary>
public static class MentionParser
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
            && (int.TryParse(kindText, out _) || !Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind)))
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
