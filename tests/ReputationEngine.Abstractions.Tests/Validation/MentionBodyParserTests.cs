using System.Text;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Abstractions.Tests.Validation;

/// <summary>Whole ingest bodies through <see cref="MentionBodyParser"/>: faults with their exact details, per-item rejections.</summary>
public sealed class MentionBodyParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private const string MalformedSuffix = "). Send a JSON array of mentions, or NDJSON with Content-Type application/x-ndjson.";

    private static string Item(string id) =>
        $$"""{"id":"{{id}}","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"tw:jane"},"text":"acme"}""";

    private static (MentionBodyParser.Result? Result, MentionBodyParser.Fault? Fault) Parse(string body, bool ndjson = false) =>
        MentionBodyParser.Parse(Encoding.UTF8.GetBytes(body), ndjson, Now);

    private static MentionBodyParser.Fault FaultOf(string body, bool ndjson = false) =>
        Parse(body, ndjson).Fault ?? throw new InvalidOperationException("expected a fault");

    [Fact]
    public void Array_OneBadItem_RejectedAloneWithItsIndex()
    {
        var (result, fault) = Parse($"[{Item("a")},{{\"id\":\"b\"}},7,{Item("c")}]");

        Assert.Null(fault);
        Assert.Equal([(0, "a"), (3, "c")], result!.Valid.Select(v => (v.Index, v.Mention.Id)));
        Assert.Equal([(1, "'source' is required"), (2, "a mention must be a JSON object, not a number")], result.Rejected);
    }

    [Fact]
    public void Array_NothingOfOneItemLeaksIntoTheNext()
    {
        var full = """{"id":"a","source":"news","createdAt":"2026-11-22T17:00:00Z","author":{"id":"x","name":"X","followers":9,"isBrand":true},"text":"t","topics":["acme"],"kind":"share","sharedId":"s","conversationId":"c","inReplyTo":"r","lang":"en","url":"https://x.example"}""";

        var (result, _) = Parse($"[{full},{Item("b")}]");

        var second = result!.Valid[1].Mention;
        Assert.Equal(("b", "twitter", null, 0L, false, MentionKind.Post), (second.Id, second.Source, second.AuthorName, second.AuthorFollowers, second.AuthorIsBrand, second.Kind));
        Assert.Equal(("b", null, null, null, null), (second.ConversationId, second.InReplyTo, second.SharedId, second.Lang, second.Url));
        Assert.Empty(second.Topics);
    }

    [Fact]
    public void Array_Empty_NoMentions()
    {
        var (result, _) = Parse(" [ ] \r\n");
        Assert.Empty(result!.Valid);
        Assert.Empty(result.Rejected);
    }

    [Theory]
    [InlineData("", "The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true. LineNumber: 0 | BytePositionInLine: 0.")]
    [InlineData("[{\"id\":\"x\"", "Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 10.")]
    [InlineData("[{}] x", "'x' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: 5.")]
    [InlineData("[1,]", "The JSON array contains a trailing comma at the end which is not supported in this mode. Change the reader options. LineNumber: 0 | BytePositionInLine: 3.")]
    [InlineData("{\"id\":", "Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 6.")]
    public void Array_Malformed_400WithTheReadersMessage(string body, string message)
    {
        var fault = FaultOf(body);
        Assert.Equal((MentionBodyParser.FaultKind.Malformed, "Malformed JSON"), (fault.Kind, fault.Title));
        Assert.Equal($"The body is not valid JSON ({message}{MalformedSuffix}", fault.Detail);
    }

    [Fact]
    public void Array_TruncatedAfterGoodItems_WholeBodyMalformed()
    {
        var body = $"[{Item("a")},{Item("b")[..^5]}";
        Assert.Equal(MentionBodyParser.FaultKind.Malformed, FaultOf(body).Kind);
    }

    [Fact]
    public void Array_InvalidUtf8OutsideStrings_Malformed()
    {
        var (_, fault) = MentionBodyParser.Parse([(byte)'[', 0xC3, 0x28, (byte)']'], ndjson: false, Now);
        Assert.Equal("The body is not valid JSON ('0xC3' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 1." + MalformedSuffix, fault!.Detail);
    }

    [Theory]
    [InlineData("{\"id\":\"x\"}")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    public void NotAnArray_400(string body)
    {
        var fault = FaultOf(body);
        Assert.Equal((MentionBodyParser.FaultKind.NotAnArray, "Expected a JSON array",
            "The body must be a JSON array of mentions (or NDJSON with Content-Type application/x-ndjson)."), (fault.Kind, fault.Title, fault.Detail));
    }

    [Fact]
    public void DeepNesting_ArrayBodyMalformed_NdjsonLineRejected()
    {
        // The body's own array is one level: items may nest 15 more, not 16.
        Assert.Null(Parse("[" + new string('[', 15) + new string(']', 15) + "]").Fault);
        var fault = FaultOf("[" + string.Concat(Enumerable.Repeat("{\"a\":", 16)) + "1" + new string('}', 16) + "]");
        Assert.Equal("The body is not valid JSON (The maximum configured depth of 16 has been exceeded. Cannot read next JSON object. LineNumber: 0 | BytePositionInLine: 76." + MalformedSuffix, fault.Detail);
        Assert.Equal(MentionBodyParser.FaultKind.Malformed, FaultOf(new string('[', 5_000) + new string(']', 5_000)).Kind);

        var (result, _) = Parse(new string('[', 17) + new string(']', 17) + "\n" + Item("a"), ndjson: true);
        Assert.Equal([(1, "a")], result!.Valid.Select(v => (v.Index, v.Mention.Id)));
        Assert.Equal([(0, "line is not valid JSON: The maximum configured depth of 16 has been exceeded. Cannot read next JSON array. LineNumber: 0 | BytePositionInLine: 16.")], result.Rejected);
    }

    [Fact]
    public void TooMany_413WithTheCount_ButMalformedFirst()
    {
        Assert.Null(Parse("[" + string.Join(',', Enumerable.Repeat("{}", 10_000)) + "]").Fault);
        var fault = FaultOf("[" + string.Join(',', Enumerable.Repeat("{}", 10_002)) + "]");
        Assert.Equal((MentionBodyParser.FaultKind.TooMany, "Too many mentions", "A request may carry at most 10000 mentions (got 10002); split the batch."), (fault.Kind, fault.Title, fault.Detail));
        Assert.Equal(MentionBodyParser.FaultKind.Malformed, FaultOf("[" + string.Join(',', Enumerable.Repeat("{}", 10_002)) + ",]").Kind);

        var lines = FaultOf(string.Join('\n', Enumerable.Repeat("{}", 10_001)) + "\n\n", ndjson: true);
        Assert.Equal((MentionBodyParser.FaultKind.TooMany, "A request may carry at most 10000 mentions (got 10001); split the batch."), (lines.Kind, lines.Detail));
        Assert.Null(Parse(string.Join('\n', Enumerable.Repeat("{}", 10_000)) + "\n \r\n\t\n", ndjson: true).Fault);
    }

    [Fact]
    public void Ndjson_BlankLinesAndCrlf_IndexesCountNonBlankLines()
    {
        var body = $"\r\n{Item("a")}\r\n\r\n  \t\r\n{{ not json\r\n{Item("b")}\r\n\n[1]\n{Item("c")}";

        var (result, fault) = Parse(body, ndjson: true);

        Assert.Null(fault);
        Assert.Equal([(0, "a"), (2, "b"), (4, "c")], result!.Valid.Select(v => (v.Index, v.Mention.Id)));
        Assert.Equal([
            (1, "line is not valid JSON: 'n' is an invalid start of a property name. Expected a '\"'. LineNumber: 0 | BytePositionInLine: 2."),
            (3, "a mention must be a JSON object, not an array"),
        ], result.Rejected);
    }

    [Fact]
    public void Ndjson_GoodMentionWithTrailingData_LineRejected()
    {
        var item = Item("a");
        var (result, _) = Parse($"{item} x\n{item}{item}\n", ndjson: true);

        Assert.Empty(result!.Valid);
        Assert.Equal([
            (0, $"line is not valid JSON: 'x' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: {item.Length + 1}."),
            (1, $"line is not valid JSON: '{{' is invalid after a single JSON value. Expected end of data. LineNumber: 0 | BytePositionInLine: {item.Length}."),
        ], result.Rejected);
    }

    [Fact]
    public void Ndjson_TruncatedLastLine_RejectedAlone()
    {
        var item = Item("a");
        var (result, _) = Parse($"{item}\n{item[..^10]}", ndjson: true);

        Assert.Equal([0], result!.Valid.Select(v => v.Index));
        Assert.Equal(1, Assert.Single(result.Rejected).Index);
        Assert.StartsWith("line is not valid JSON: ", result.Rejected[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_InvalidUtf8_OnlyThatLine()
    {
        var body = Encoding.UTF8.GetBytes(Item("a") + "\n" + Item("b").Replace("acme", "<BAD>", StringComparison.Ordinal) + "\n\u00ff\n" + Item("c"));
        var bad = Encoding.UTF8.GetBytes("<BAD>");
        var at = body.AsSpan().IndexOf(bad);
        byte[] withBadBytes = [.. body.AsSpan(0, at), 0xC3, 0x28, .. body.AsSpan(at + bad.Length)];

        var (result, _) = MentionBodyParser.Parse(withBadBytes, ndjson: true, Now);

        Assert.Equal([(0, "a"), (3, "c")], result!.Valid.Select(v => (v.Index, v.Mention.Id)));
        Assert.Equal([
            (1, "a string in this mention is not valid UTF-8"),
            (2, "line is not valid JSON: '0xC3' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0."),
        ], result.Rejected);
    }
}
