using System.Text;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Cli.Replay;

namespace ReputationEngine.Cli.Tests.Replay;

/// <summary>A replay file is judged line by line exactly as an NDJSON body of <c>POST /api/mentions</c> is.</summary>
public sealed class ReplayInputTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-input-").FullName;

    private static string Item(string id, string createdAt = "2026-11-22T18:00:00Z", string extra = "") =>
        $$"""{"id":"{{id}}","source":"twitter","createdAt":"{{createdAt}}","author":{"id":"tw:jane","followers":10},"text":"acme is fine"{{extra}}}""";

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.ndjson");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string text) => Write(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void MixedFile_SameVerdictsAndMessagesAsTheIngestEndpoint_WithFileLineNumbers()
    {
        string[] lines =
        [
            Item("a", "2026-11-22T18:00:02Z"),
            "",
            Item("b", "2026-11-22T18:00:01Z") + "\r",
            "{\"id\":\"c\",",                                    // truncated JSON
            "[1,2]",                                             // not an object
            "  \t ",
            Item("d", extra: ",\"kind\":\"retweet\""),           // unknown kind
            Item("e").Replace("\"source\":\"twitter\",", "", StringComparison.Ordinal), // source missing
            Item("f") + " trailing",                             // data after the value
            Item("g", "yesterday"),                              // bad createdAt
            Item("a"),                                           // duplicate id
            Item("h", extra: ",\"topics\":[\"Not A Topic!\"]"),
            "{\"id\":\"i\"} {\"id\":\"j\"}",
            Item("k", "2026-11-22T17:59:59Z"),
        ];
        var body = string.Join('\n', lines);
        var input = ReplayInput.ReadMentions(Write(body));

        var (expected, fault) = MentionBodyParser.Parse(Encoding.UTF8.GetBytes(body), ndjson: true, Now);
        Assert.Null(fault);
        // The endpoint's index counts non-blank lines; the replay reports the line of the file.
        var lineOfIndex = lines.Select((l, i) => (Line: i + 1, Blank: string.IsNullOrWhiteSpace(l))).Where(l => !l.Blank).Select(l => l.Line).ToArray();
        Assert.Equal(expected!.Rejected.Select(r => $"line {lineOfIndex[r.Index]}: {r.Error}"), input.FirstErrors);
        Assert.Equal(expected.Rejected.Count, input.Invalid);
        Assert.Equal(8, input.Invalid);
        Assert.Equal(1, input.Duplicates);
        // Valid ones in event-time order, the duplicate of "a" dropped.
        Assert.Equal(["k", "b", "a"], input.Valid.Select(m => m.Id));
        Assert.Equal(
            expected.Valid.Select(v => v.Mention).DistinctBy(m => m.Id).OrderBy(m => m.CreatedAt).Select(m => (m.Id, m.CreatedAt, m.Text, m.AuthorId, m.Kind)),
            input.Valid.Select(m => (m.Id, m.CreatedAt, m.Text, m.AuthorId, m.Kind)));
        Assert.StartsWith("line 4: line is not valid JSON: ", input.FirstErrors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_RefusedLikeTheEndpoint_NotReplaced()
    {
        var good = Encoding.UTF8.GetBytes(Item("a") + "\n");
        var bad = Encoding.UTF8.GetBytes(Item("b", extra: ",\"lang\":\"XX\"") + "\n");
        var at = Array.IndexOf(bad, (byte)'X');
        bad[at] = 0xC3;       // a lead byte followed by a non-continuation byte
        bad[at + 1] = 0x28;
        var bytes = good.Concat(bad).ToArray();

        var input = ReplayInput.ReadMentions(Write(bytes));

        var (expected, _) = MentionBodyParser.Parse(bytes, ndjson: true, Now);
        var rejected = Assert.Single(expected!.Rejected);
        Assert.Equal([$"line 2: {rejected.Error}"], input.FirstErrors);
        Assert.Equal(["a"], input.Valid.Select(m => m.Id));
    }

    [Fact]
    public void ByteOrderMarkAtTheStart_Skipped()
    {
        var bytes = "\uFEFF"u8.ToArray().Concat(Encoding.UTF8.GetBytes(Item("a") + "\n" + Item("b"))).ToArray();
        var input = ReplayInput.ReadMentions(Write(bytes));
        Assert.Equal(["a", "b"], input.Valid.Select(m => m.Id));
        Assert.Empty(input.FirstErrors);
    }

    [Fact]
    public void LinesLongerThanTheReadBuffer_AndNoFinalNewline_AreRead()
    {
        // An unknown property of 3 MB (skipped by the parser, as ingest skips extra fields) makes a line longer than the 1 MiB chunk.
        var padding = new string('x', 3_000_000);
        var body = $"{Item("a")}\n{Item("b", extra: $",\"blob\":\"{padding}\"")}\n\n{Item("c", "2026-11-22T18:00:03Z")}";
        var input = ReplayInput.ReadMentions(Write(body));
        Assert.Equal(["a", "b", "c"], input.Valid.Select(m => m.Id));
        Assert.Equal(0, input.Invalid);
    }

    [Fact]
    public void ManyLines_AcrossChunkBoundaries_AllRead()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            body.Append(Item($"m{i}", $"2026-11-22T18:{i / 600 % 60:00}:{i / 10 % 60:00}Z")).Append('\n');
        }

        var input = ReplayInput.ReadMentions(Write(body.ToString()));
        Assert.Equal(20_000, input.Valid.Count);
        Assert.Equal(20_000, input.Valid.Select(m => m.Id).Distinct().Count());
        Assert.Equal(0, input.Invalid);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
