using System.Text;
using System.Text.Json.Nodes;

namespace ReputationEngine.Server.Tests.Fuzz;

/// <summary>Deterministic generator of hostile request bodies and values, from a seeded <see cref="Random"/>.</summary>
public sealed class HostileInput(int seed)
{
    private const int DeepNesting = 5_000;
    private const int HugeStringLength = 70_000;

    /// <summary>Deeper items would push the whole body past the ingest depth limit, which rejects the body, not the item.</summary>
    private const int MaxItemNesting = 12;

    private static readonly string[] Injections =
    [
        "'; DROP TABLE mention_log; --", "\" OR 1=1 --", "<script>alert(1)</script>", "../../../../etc/passwd",
        "${jndi:ldap://x/a}", "{{7*7}}", "\u0000", "\ud800", "\udfff\ud800", "a\u202Eb", "%00", "%ff%fe", "\r\nX-Injected: 1",
        "\u0008\u0001", "💥🔥", "null", "NaN", "-0", "1e309", "..", "/", "tw:" + new string('x', 300), "",
    ];

    private static readonly JsonNode?[] WrongTypes =
    [
        null, 0, -1, 1e308, long.MaxValue, true, false, "", new JsonArray(), new JsonObject(), new JsonArray(1, 2, 3),
        new JsonObject { ["$ne"] = null }, "2026-13-45T99:99:99Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
    ];

    private static readonly string[] MentionFields =
        ["id", "source", "createdAt", "author", "text", "topics", "conversationId", "inReplyTo", "kind", "sharedId", "lang", "url"];

    private static readonly string[] AuthorFields = ["id", "name", "followers", "isBrand"];

    public Random Random { get; } = new(seed);

    public string Injection() => Injections[Random.Next(Injections.Length)];

    /// <summary>An injection string the ingest contract accepts as text (no C0 controls, well-formed Unicode).</summary>
    public string AcceptableInjection()
    {
        while (true)
        {
            var text = Injection();
            if (!text.Any(c => c < '\t' || (char.IsSurrogate(c) && !text.Contains("💥", StringComparison.Ordinal))))
            {
                return text;
            }
        }
    }

    /// <summary>An injection for a URL path segment (a NUL in a path is refused by the transport itself).</summary>
    public string PathInjection() => Injection().Replace("\0", "", StringComparison.Ordinal);

    /// <summary>A valid mention with one field replaced by a wrong type, injection, huge or missing value (may stay valid).</summary>
    public JsonObject CorruptMention(JsonObject valid)
    {
        var mention = (JsonObject)valid.DeepClone();
        var author = (JsonObject)mention["author"]!;
        var (target, field) = Random.Next(4) == 0
            ? (author, AuthorFields[Random.Next(AuthorFields.Length)])
            : (mention, MentionFields[Random.Next(MentionFields.Length)]);
        switch (Random.Next(5))
        {
            case 0:
                target.Remove(field);
                break;
            case 1:
                target[field] = WrongTypes[Random.Next(WrongTypes.Length)]?.DeepClone();
                break;
            case 2:
                target[field] = Injection();
                break;
            case 3:
                target[field] = new string((char)('a' + Random.Next(26)), HugeStringLength);
                break;
            default:
                target[field] = Nested(Random.Next(2, MaxItemNesting));
                break;
        }

        return mention;
    }

    /// <summary>Bytes of <paramref name="text"/>, mutated: flips, truncation, invalid UTF-8, inserted garbage.</summary>
    public byte[] MutateBytes(string text)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        var mutations = Random.Next(1, 6);
        for (var i = 0; i < mutations && bytes.Count > 0; i++)
        {
            var at = Random.Next(bytes.Count);
            switch (Random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << Random.Next(8));
                    break;
                case 1:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.InsertRange(at, [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]);
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Injection()));
                    break;
                case 4:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string('[', Random.Next(1, 200))));
                    break;
                default:
                    bytes.Insert(at, (byte)Random.Next(256));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Whole bodies no parser should survive badly: deep nesting, huge numbers, BOMs, NULs, empty.</summary>
    public byte[] PathologicalBody() => Random.Next(9) switch
    {
        0 => Encoding.UTF8.GetBytes(new string('[', DeepNesting) + new string(']', DeepNesting)),
        1 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", DeepNesting)) + "1" + new string('}', DeepNesting)),
        2 => Encoding.UTF8.GetBytes("[" + new string('9', 100_000) + "]"),
        3 => [0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00, 0x00],
        4 => [],
        5 => Encoding.UTF8.GetBytes("null"),
        6 => Encoding.UTF8.GetBytes("\"" + new string('x', HugeStringLength) + "\""),
        7 => Encoding.UTF8.GetBytes("{\"__proto__\":{\"admin\":true},\"constructor\":{\"prototype\":1}}"),
        _ => [.. Enumerable.Range(0, 4096).Select(_ => (byte)Random.Next(256))],
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = "x";
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["n"] = node };
        }

        return node;
    }
}
