using System.Text;
using ReputationEngine.Server.Apis;

namespace ReputationEngine.Server.Tests;

/// <summary>The HTTP side of body parsing: faults become 400 or 413 with their title and detail, rejections keep index and message.</summary>
public sealed class MentionBodyReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private static (MentionBodyReader.Parsed? Parsed, MentionBodyReader.BodyError? Error) Parse(string body, bool ndjson = false) =>
        MentionBodyReader.Parse(Encoding.UTF8.GetBytes(body), ndjson, Now);

    [Fact]
    public void Parse_Malformed_400()
    {
        var error = Parse("[{\"id\":").Error!;
        Assert.Equal((400, "Malformed JSON"), (error.Status, error.Title));
        Assert.StartsWith("The body is not valid JSON (Expected depth to be zero", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotAnArray_400() => Assert.Equal((400, "Expected a JSON array"), (Parse("{}").Error!.Status, Parse("{}").Error!.Title));

    [Fact]
    public void Parse_TooMany_413()
    {
        var error = Parse("[" + string.Join(',', Enumerable.Repeat("{}", 10_001)) + "]").Error!;
        Assert.Equal((413, "Too many mentions", "A request may carry at most 10000 mentions (got 10001); split the batch."), (error.Status, error.Title, error.Detail));
    }

    [Fact]
    public void Parse_Ndjson_RejectionsKeepIndexAndMessage()
    {
        var valid = """{"id":"a","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"tw:jane"},"text":"acme"}""";

        var (parsed, error) = Parse($"{valid}\r\n\r\n{{\"id\":\"b\"}}\r\n7", ndjson: true);

        Assert.Null(error);
        Assert.Equal([(0, "a")], parsed!.Valid.Select(v => (v.Index, v.Mention.Id)));
        Assert.Equal([new RejectedMention(1, "'source' is required"), new RejectedMention(2, "a mention must be a JSON object, not a number")], parsed.Rejected);
    }
}
