using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Validation;

/// <summary>
/// Turns one JSON object of the ingest contract (DESIGN §4.2) into a <see cref="Mention"/>, or explains
/// precisely why not. Unknown properties are skipped so feeds can send extra fields.
/// </summary>
/// <remarks>
/// Reads forward with <see cref="Utf8JsonReader"/>: no document, property names compared as UTF-8, and only the
/// strings the mention keeps are allocated. It works in two steps so that the error an item gets does not depend on
/// the order of its properties: <c>Read*</c> records what each known property held (when a name repeats, the last
/// one wins, as it did with <see cref="JsonDocument"/>), then <see cref="TryBuild"/> reports the first problem in the
/// contract's order. One instance serves item after item of a body; it is not thread-safe.
/// <para>
/// One deliberate difference from the JsonDocument parser: a property name holding an escaped lone surrogate
/// (<c>"\ud800"</c>) cannot be decoded, so it cannot be told apart from a known name. JsonDocument threw on it only
/// when a lookup happened to unescape it, which depended on the property order and the names looked up; such an
/// item is now always refused as not valid UTF-8, after every other check.
/// </para>
/// </remarks>
public sealed class MentionParser
{
    private const int MaxSourceLength = 32;
    private const int MaxCreatedAtLength = 64;
    private const int MaxKindLength = 16;

    private const string NotUtf8 = "a string in this mention is not valid UTF-8";

    /// <summary>Decoding room for the short strings the mention does not keep (source, createdAt, kind).</summary>
    private readonly char[] _scratch = new char[256];

    private readonly List<string> _topics = [];

    private StringField _id, _source, _text, _createdAt, _conversationId, _inReplyTo, _sharedId, _lang, _url, _kind;
    private string? _knownSource;
    private bool _createdAtParsed;
    private DateTimeOffset _createdAtValue;
    private bool _kindValid;
    private MentionKind _kindValue;

    private JsonTokenType _author;
    private StringField _authorId, _authorName;
    private bool _followersInvalid, _isBrandInvalid, _isBrand;
    private long _followers;

    private TopicsProblem _topicsProblem;
    private bool _undecodableName, _undecodableAuthorName;

    private enum Problem : byte
    {
        None,
        NotUtf8,
        TooLong,
        ControlCharacters,
        UnpairedSurrogate,
    }

    private enum TopicsProblem : byte
    {
        None,
        NotAnArrayOrTooMany,
        InvalidId,
        NotUtf8,
    }

    /// <summary>What one string property held, checked on its own. <see cref="Token"/> is None when absent.</summary>
    private struct StringField
    {
        public JsonTokenType Token;
        public Problem Problem;
        public bool Blank;
        public string? Value;
    }

    /// <summary>
    /// Parses one mention from the JSON object the reader is on, and leaves the reader on that value's last token.
    /// A value that is not an object is skipped and refused. Malformed JSON throws <see cref="JsonException"/> as
    /// the reader does; everything else becomes <paramref name="error"/>.
    /// </summary>
    public bool TryRead(ref Utf8JsonReader reader, DateTimeOffset now, out Mention? mention, out string error)
    {
        mention = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var token = reader.TokenType;
            reader.Skip();
            error = $"a mention must be a JSON object, not {Describe(token)}";
            return false;
        }

        Reset();
        ReadMention(ref reader);
        return TryBuild(now, out mention, out error);
    }

    /// <summary>
    /// The same rules for an element of a document someone else parsed (the CLI's replay): its raw UTF-8 goes
    /// through <see cref="TryRead"/>, so there is one set of rules.
    /// </summary>
    public static bool TryParse(JsonElement json, DateTimeOffset now, out Mention? mention, out string error)
    {
        // The document has already enforced its own depth limit on this element.
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
        reader.Read();
        return new MentionParser().TryRead(ref reader, now, out mention, out error);
    }

    private void Reset()
    {
        _id = _source = _text = _createdAt = _conversationId = _inReplyTo = _sharedId = _lang = _url = _kind = default;
        _knownSource = null;
        _createdAtParsed = _kindValid = false;
        _kindValue = MentionKind.Post;
        ResetAuthor(JsonTokenType.None);
        _topics.Clear();
        _topicsProblem = TopicsProblem.None;
        _undecodableName = false;
    }

    private void ReadMention(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // ValueTextEquals compares the UTF-8 name, escapes included, without making a string of it.
            if (!IsDecodableName(ref reader))
            {
                _undecodableName = true;
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                _id = ReadString(ref reader, IngestLimits.MaxIdLength);
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                _text = ReadString(ref reader, IngestLimits.MaxTextLength);
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                ReadSource(ref reader);
            }
            else if (reader.ValueTextEquals("createdAt"u8))
            {
                reader.Read();
                ReadCreatedAt(ref reader);
            }
            else if (reader.ValueTextEquals("author"u8))
            {
                reader.Read();
                ReadAuthor(ref reader);
            }
            else if (reader.ValueTextEquals("topics"u8))
            {
                reader.Read();
                ReadTopics(ref reader);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                ReadKind(ref reader);
            }
            else if (reader.ValueTextEquals("conversationId"u8))
            {
                reader.Read();
                _conversationId = ReadString(ref reader, IngestLimits.MaxIdLength);
            }
            else if (reader.ValueTextEquals("inReplyTo"u8))
            {
                reader.Read();
                _inReplyTo = ReadString(ref reader, IngestLimits.MaxIdLength);
            }
            else if (reader.ValueTextEquals("sharedId"u8))
            {
                reader.Read();
                _sharedId = ReadString(ref reader, IngestLimits.MaxIdLength);
            }
            else if (reader.ValueTextEquals("lang"u8))
            {
                reader.Read();
                _lang = ReadString(ref reader, IngestLimits.MaxLangLength);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                reader.Read();
                _url = ReadString(ref reader, IngestLimits.MaxUrlLength);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ResetAuthor(JsonTokenType token)
    {
        _author = token;
        _authorId = _authorName = default;
        _followers = 0;
        _followersInvalid = _isBrandInvalid = _isBrand = _undecodableAuthorName = false;
    }

    private void ReadAuthor(ref Utf8JsonReader reader)
    {
        // A repeated "author" replaces the earlier one as a whole.
        ResetAuthor(reader.TokenType);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!IsDecodableName(ref reader))
            {
                _undecodableAuthorName = true;
                reader.Read();
                reader.Skip();
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                _authorId = ReadString(ref reader, IngestLimits.MaxIdLength);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                _authorName = ReadString(ref reader, IngestLimits.MaxNameLength);
            }
            else if (reader.ValueTextEquals("followers"u8))
            {
                reader.Read();
                // Whole numbers only: TryGetInt64 refuses 1.0 and 1e3, and a number sent as a string is refused too.
                _followers = 0;
                _followersInvalid = reader.TokenType switch
                {
                    JsonTokenType.Null => false,
                    JsonTokenType.Number => !reader.TryGetInt64(out _followers) || _followers < 0 || _followers > IngestLimits.MaxFollowers,
                    _ => true,
                };
                reader.Skip();
            }
            else if (reader.ValueTextEquals("isBrand"u8))
            {
                reader.Read();
                _isBrand = reader.TokenType == JsonTokenType.True;
                _isBrandInvalid = reader.TokenType is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null);
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>False for a name with an escaped lone surrogate: comparing it would throw.</summary>
    private static bool IsDecodableName(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return true;
        }

        // Unescaping to bytes checks the escapes only; invalid UTF-8 in a name just matches nothing, as before.
        Span<byte> unescaped = reader.ValueSpan.Length <= 256 ? stackalloc byte[256] : new byte[reader.ValueSpan.Length];
        try
        {
            reader.CopyString(unescaped);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void ReadTopics(ref Utf8JsonReader reader)
    {
        _topics.Clear();
        _topicsProblem = TopicsProblem.None;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            _topicsProblem = TopicsProblem.NotAnArrayOrTooMany;
            reader.Skip();
            return;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Too many items outranks a bad one; after the first bad one the rest are only counted.
            if (++count > IngestLimits.MaxTopicsPerMention)
            {
                _topicsProblem = TopicsProblem.NotAnArrayOrTooMany;
            }
            else if (_topicsProblem == TopicsProblem.None)
            {
                _topicsProblem = ReadTopic(ref reader);
            }

            reader.Skip();
        }
    }

    private TopicsProblem ReadTopic(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return TopicsProblem.InvalidId;
        }

        string topic;
        try
        {
            topic = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return TopicsProblem.NotUtf8;
        }

        if (!TopicIds.IsValid(topic))
        {
            return TopicsProblem.InvalidId;
        }

        if (!_topics.Contains(topic, StringComparer.Ordinal))
        {
            _topics.Add(topic);
        }

        return TopicsProblem.None;
    }

    private void ReadSource(ref Utf8JsonReader reader)
    {
        _source = ReadShortString(ref reader, MaxSourceLength, out var text);
        _knownSource = null;
        if (_source.Token == JsonTokenType.String && _source.Problem == Problem.None)
        {
            // Matched in any ASCII letter case (no culture or non-ASCII folds) and kept as the list's own string:
            // nothing allocated per mention.
            foreach (var known in IngestLimits.Sources)
            {
                if (Ascii.EqualsIgnoreCase(text, known))
                {
                    _knownSource = known;
                    break;
                }
            }
        }
    }

    private void ReadCreatedAt(ref Utf8JsonReader reader)
    {
        _createdAt = ReadShortString(ref reader, MaxCreatedAtLength, out var text);
        _createdAtParsed = _createdAt.Token == JsonTokenType.String && _createdAt.Problem == Problem.None
            && CreatedAtParser.TryParse(text, out _createdAtValue);
    }

    private void ReadKind(ref Utf8JsonReader reader)
    {
        _kind = ReadShortString(ref reader, MaxKindLength, out var text);
        _kindValue = MentionKind.Post;
        // Exact names only: Enum.TryParse would also take "1", " post " or "post, reply" (combined into another kind).
        _kindValid = _kind.Token == JsonTokenType.String && _kind.Problem == Problem.None
            && MentionKinds.TryParse(text, out _kindValue);
    }

    /// <summary>A string the mention keeps: decoded once, straight from the body.</summary>
    private static StringField ReadString(ref Utf8JsonReader reader, int maxLength)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            var token = reader.TokenType;
            reader.Skip();
            return new StringField { Token = token };
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8, or an escaped lone surrogate the reader cannot decode.
            return new StringField { Token = JsonTokenType.String, Problem = Problem.NotUtf8 };
        }

        var field = Inspect(text, maxLength, reader.ValueIsEscaped);
        field.Value = text;
        return field;
    }

    /// <summary>A short string the mention does not keep, decoded into the scratch buffer instead of a new string.</summary>
    private StringField ReadShortString(ref Utf8JsonReader reader, int maxLength, out ReadOnlySpan<char> text)
    {
        text = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            var token = reader.TokenType;
            reader.Skip();
            return new StringField { Token = token };
        }

        try
        {
            // Decoded text is never longer in chars than its raw bytes, so only an oversized value needs the heap.
            text = reader.ValueSpan.Length <= _scratch.Length ? _scratch.AsSpan(0, reader.CopyString(_scratch)) : reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return new StringField { Token = JsonTokenType.String, Problem = Problem.NotUtf8 };
        }

        return Inspect(text, maxLength, reader.ValueIsEscaped);
    }

    private static StringField Inspect(ReadOnlySpan<char> text, int maxLength, bool escaped)
    {
        // Raw JSON strings cannot hold control characters (the reader refuses them) and valid UTF-8 always decodes
        // to well-formed UTF-16: only escaped strings need those two scans, which spares them for most texts.
        var problem = text.Length > maxLength ? Problem.TooLong
            : escaped && text.IndexOfAnyInRange('\0', '\u0008') >= 0 ? Problem.ControlCharacters
            : escaped && !TextRules.IsWellFormed(text) ? Problem.UnpairedSurrogate
            : Problem.None;
        return new StringField { Token = JsonTokenType.String, Problem = problem, Blank = text.IsWhiteSpace() };
    }

    /// <summary>Reports the first problem in the contract's order, or builds the mention.</summary>
    private bool TryBuild(DateTimeOffset now, out Mention? mention, out string error)
    {
        mention = null;
        if (!Check(_id, "id", IngestLimits.MaxIdLength, required: true, out error)
            || !Check(_source, "source", MaxSourceLength, required: true, out error)
            || !Check(_text, "text", IngestLimits.MaxTextLength, required: true, out error)
            || !Check(_createdAt, "createdAt", MaxCreatedAtLength, required: true, out error)
            || !CheckSourceAndTime(now, out error)
            || !CheckAuthor(out error)
            || !CheckTopics(out error)
            || !Check(_conversationId, "conversationId", IngestLimits.MaxIdLength, required: false, out error)
            || !Check(_inReplyTo, "inReplyTo", IngestLimits.MaxIdLength, required: false, out error)
            || !Check(_sharedId, "sharedId", IngestLimits.MaxIdLength, required: false, out error)
            || !Check(_lang, "lang", IngestLimits.MaxLangLength, required: false, out error)
            || !Check(_url, "url", IngestLimits.MaxUrlLength, required: false, out error)
            || !Check(_kind, "kind", MaxKindLength, required: false, out error)
            || !CheckIds(out error)
            || !CheckKindAndUrl(out error))
        {
            return false;
        }

        if (_undecodableName || _undecodableAuthorName)
        {
            error = NotUtf8;
            return false;
        }

        var id = _id.Value!;
        var sharedId = _sharedId.Value;
        var kind = _kindValue;
        // A share belongs to the thread of what it shares, so the thread's share count sees it.
        var conversationId = _conversationId.Value ?? (kind is MentionKind.Share or MentionKind.Quote && sharedId is not null ? sharedId : id);
        mention = new Mention
        {
            Id = id,
            Source = _knownSource!,
            CreatedAt = _createdAtValue.ToUniversalTime(),
            AuthorId = _authorId.Value!,
            AuthorName = _authorName.Value,
            AuthorFollowers = _followers,
            AuthorIsBrand = _isBrand,
            Text = _text.Value!,
            Topics = _topics.Count == 0 ? [] : [.. _topics],
            ConversationId = conversationId,
            InReplyTo = _inReplyTo.Value,
            Kind = kind,
            SharedId = sharedId,
            Lang = _lang.Value,
            Url = _url.Value,
        };
        error = "";
        return true;
    }

    private static bool Check(in StringField field, string path, int maxLength, bool required, out string error)
    {
        error = field.Token switch
        {
            JsonTokenType.None or JsonTokenType.Null => required ? $"'{path}' is required" : "",
            JsonTokenType.String => field.Problem switch
            {
                Problem.NotUtf8 => NotUtf8,
                Problem.TooLong => $"'{path}' is longer than {maxLength} characters",
                Problem.ControlCharacters => $"'{path}' contains control characters",
                Problem.UnpairedSurrogate => $"'{path}' contains an unpaired UTF-16 surrogate (invalid Unicode)",
                _ => required && field.Blank ? $"'{path}' must not be empty" : "",
            },
            _ => $"'{path}' must be a string, not {Describe(field.Token)}",
        };
        return error.Length == 0;
    }

    private bool CheckSourceAndTime(DateTimeOffset now, out string error)
    {
        error = _knownSource is null ? $"'source' must be one of {string.Join('|', IngestLimits.Sources)}"
            : !_createdAtParsed ? "'createdAt' must be an ISO 8601 date and time, e.g. 2026-11-22T18:00:00Z"
            : _createdAtValue > now + IngestLimits.FutureTolerance ? $"'createdAt' is more than {IngestLimits.FutureTolerance.TotalMinutes} minutes in the future"
            : _createdAtValue < IngestLimits.Earliest ? $"'createdAt' is before {IngestLimits.Earliest:yyyy-MM-dd}"
            : "";
        return error.Length == 0;
    }

    private bool CheckAuthor(out string error)
    {
        if (_author != JsonTokenType.StartObject)
        {
            error = "'author' is required and must be an object with at least an 'id'";
            return false;
        }

        if (!Check(_authorId, "author.id", IngestLimits.MaxIdLength, required: true, out error)
            || !Check(_authorName, "author.name", IngestLimits.MaxNameLength, required: false, out error))
        {
            return false;
        }

        error = _followersInvalid ? $"'author.followers' must be a whole number from 0 to {IngestLimits.MaxFollowers}"
            : _isBrandInvalid ? "'author.isBrand' must be true or false"
            : "";
        return error.Length == 0;
    }

    private bool CheckTopics(out string error)
    {
        error = _topicsProblem switch
        {
            TopicsProblem.NotAnArrayOrTooMany => $"'topics' must be an array of at most {IngestLimits.MaxTopicsPerMention} topic ids",
            TopicsProblem.InvalidId => $"'topics' holds an invalid id: {TopicIds.Rule}",
            TopicsProblem.NotUtf8 => NotUtf8,
            _ => "",
        };
        return error.Length == 0;
    }

    private bool CheckIds(out string error)
    {
        error = !IsCleanIdOrAbsent(_id.Value) ? IdError("id")
            : !IsCleanIdOrAbsent(_authorId.Value) ? IdError("author.id")
            : !IsCleanIdOrAbsent(_conversationId.Value) ? IdError("conversationId")
            : !IsCleanIdOrAbsent(_inReplyTo.Value) ? IdError("inReplyTo")
            : !IsCleanIdOrAbsent(_sharedId.Value) ? IdError("sharedId")
            : "";
        return error.Length == 0;

        static bool IsCleanIdOrAbsent(string? id) => id is null || TextRules.IsCleanId(id, IngestLimits.MaxIdLength);
        static string IdError(string path) => $"'{path}' is not a valid id: {TextRules.IdRule}";
    }

    private bool CheckKindAndUrl(out string error)
    {
        var url = _url.Value;
        error = _kind.Token == JsonTokenType.String && !_kindValid ? MentionKinds.Rule
            : url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) ? "'url' must be an absolute http or https URL"
            : "";
        return error.Length == 0;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Number => "a number",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}
