using System.Text;
using System.Text.Json;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Abstractions.Tests.Validation;

/// <summary>One item through <see cref="MentionParser"/>: accepted shapes and the exact error of each refusal.</summary>
public sealed class MentionParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private const string Head = """ "id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"tw:jane"} """;

    private static (Mention? Mention, string Error) Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    private static (Mention? Mention, string Error) Parse(byte[] json)
    {
        var reader = new Utf8JsonReader(json, MentionBodyParser.ReaderOptions);
        reader.Read();
        var valid = new MentionParser().TryRead(ref reader, Now, out var mention, out var error);
        Assert.False(reader.Read(), "the parser must leave the reader on the item's last token");
        Assert.Equal(valid, mention is not null);
        return (mention, error);
    }

    private static string Error(string json) => Parse(json).Error;

    /// <summary>A mention with id, source, createdAt and author, plus <paramref name="rest"/>.</summary>
    private static string M(string rest) => "{" + Head + "," + rest + "}";

    [Fact]
    public void TryRead_FullMention_EveryField()
    {
        var (mention, error) = Parse("""
            {"id":"tw:2","source":"TWITTER","createdAt":"2026-11-22T19:30:00+02:00",
             "author":{"id":"tw:jane","name":"Jane","followers":1200,"isBrand":true},
             "text":"acme is great","topics":["acme","beta","acme"],"conversationId":"tw:0","inReplyTo":"tw:1",
             "kind":"REPLY","lang":"en","url":"https://x.example/2"}
            """);

        Assert.Equal("", error);
        Assert.Equal("tw:2", mention!.Id);
        Assert.Equal("twitter", mention.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero), mention.CreatedAt);
        Assert.Equal(TimeSpan.Zero, mention.CreatedAt.Offset);
        Assert.Equal(("tw:jane", "Jane", 1200L, true), (mention.AuthorId, mention.AuthorName, mention.AuthorFollowers, mention.AuthorIsBrand));
        Assert.Equal("acme is great", mention.Text);
        Assert.Equal(["acme", "beta"], mention.Topics);
        Assert.Equal(("tw:0", "tw:1", MentionKind.Reply, null), (mention.ConversationId, mention.InReplyTo, mention.Kind, mention.SharedId));
        Assert.Equal(("en", "https://x.example/2"), (mention.Lang, mention.Url));
    }

    [Fact]
    public void TryRead_MinimalMention_Defaults()
    {
        var (mention, _) = Parse(M(""" "text":"x" """));

        Assert.Equal(("tw:1", MentionKind.Post, 0L, false, null), (mention!.ConversationId, mention.Kind, mention.AuthorFollowers, mention.AuthorIsBrand, mention.AuthorName));
        Assert.Empty(mention.Topics);
    }

    [Theory]
    [InlineData("share", "tw:0", "tw:0")]
    [InlineData("quote", "tw:0", "tw:0")]
    [InlineData("quote", null, "tw:1")]
    [InlineData("reply", "tw:0", "tw:1")]
    public void TryRead_ShareWithoutConversation_JoinsTheSharedThread(string kind, string? sharedId, string conversation)
    {
        var shared = sharedId is null ? "" : $",\"sharedId\":\"{sharedId}\"";
        Assert.Equal(conversation, Parse(M($"\"text\":\"x\",\"kind\":\"{kind}\"{shared}")).Mention!.ConversationId);
    }

    [Theory]
    [InlineData("post", MentionKind.Post)]
    [InlineData("Reply", MentionKind.Reply)]
    [InlineData("SHARE", MentionKind.Share)]
    [InlineData("quote", MentionKind.Quote)]
    [InlineData("reView", MentionKind.Review)]
    public void TryRead_KindNames_AnyCase(string kind, MentionKind expected) =>
        Assert.Equal(expected, Parse(M($"\"text\":\"x\",\"kind\":\"{kind}\"")).Mention!.Kind);

    [Fact]
    public void TryRead_EscapedStringsAndNames_Decoded()
    {
        var (mention, _) = Parse("""
            {"\u0069d":"tw:\u0031\"q","source":"tw\u0069tter","createdAt":"2026-11-22T17:00:00\u005A",
             "author":{"\u0069d":"a\\b"},"text":"\u0041cme \"q\" \\ \/ \n\t \ud83d\ude00 \u00e9","topics":["\u0061cme"]}
            """);

        Assert.Equal("tw:1\"q", mention!.Id);
        Assert.Equal("twitter", mention.Source);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 17, 0, 0, TimeSpan.Zero), mention.CreatedAt);
        Assert.Equal("a\\b", mention.AuthorId);
        Assert.Equal("Acme \"q\" \\ / \n\t 😀 é", mention.Text);
        Assert.Equal(["acme"], mention.Topics);
    }

    [Fact]
    public void TryRead_UnknownNestedValues_SkippedWithoutTakingTheirFields()
    {
        var (mention, _) = Parse("""
            {"extra":{"id":"nested","a":[1,{"text":"no"},[[]]]},"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","text":"x",
             "author":{"id":"tw:jane","more":{"followers":5,"x":[{"isBrand":true}]}},"tail":[{"topics":["t"]}]}
            """);

        Assert.Equal(("tw:1", "x", 0L, false), (mention!.Id, mention.Text, mention.AuthorFollowers, mention.AuthorIsBrand));
        Assert.Empty(mention.Topics);
    }

    [Fact]
    public void TryRead_RepeatedNames_LastOneWins()
    {
        Assert.Equal("tw:2", Parse(M(""" "text":"x","id":"tw:2" """)).Mention!.Id);
        Assert.Equal("tw:1", Parse("{\"id\":7," + Head + ",\"text\":\"x\"}").Mention!.Id);
        Assert.Equal(0, Parse(M(""" "text":"x","author":{"id":"b","followers":5,"followers":null} """)).Mention!.AuthorFollowers);
        var (replaced, _) = Parse(M(""" "text":"x","author":{"id":"a","name":"A"},"author":{"id":"b"} """));
        Assert.Equal(("b", null), (replaced!.AuthorId, replaced.AuthorName));
        Assert.Equal(["c", "d"], Parse(M(""" "text":"x","topics":["a"],"topics":["c","d","c"] """)).Mention!.Topics);
        Assert.Equal(MentionKind.Post, Parse(M(""" "text":"x","kind":"reply","kind":null """)).Mention!.Kind);
        Assert.Equal("'author' is required and must be an object with at least an 'id'", Error(M(""" "text":"x","author":null """)));
    }

    [Theory]
    [InlineData("""{"source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'id' is required")]
    [InlineData("""{"id":null,"source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'id' is required")]
    [InlineData("""{"id":1,"source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'id' must be a string, not a number")]
    [InlineData("""{"id":"  ","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'id' must not be empty")]
    [InlineData("""{"id":"tw:1","source":{"x":1},"createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'source' must be a string, not an object")]
    [InlineData("""{"id":"tw:1","source":"carrier-pigeon","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'source' must be one of twitter|facebook|instagram|review|forum|blog|news|email|survey|other")]
    // ASCII letter case only: U+0130 (dotted capital I) lower-cases to "i" in a Turkish-culture fold.
    [InlineData("""{"id":"tw:1","source":"TW\u0130TTER","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'source' must be one of twitter|facebook|instagram|review|forum|blog|news|email|survey|other")]
    [InlineData("""{"id":"tw:1","source":"twitter-but-much-longer-than-32-chars","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'source' is longer than 32 characters")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":["x"]}""", "'text' must be a string, not an array")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":""}""", "'text' must not be empty")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"bell \u0007"}""", "'text' contains control characters")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":1763830800,"author":{"id":"a"},"text":"x"}""", "'createdAt' must be a string, not a number")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"yesterday","author":{"id":"a"},"text":"x"}""", "'createdAt' must be an ISO 8601 date and time, e.g. 2026-11-22T18:00:00Z")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T18:05:00.0000001Z","author":{"id":"a"},"text":"x"}""", "'createdAt' is more than 5 minutes in the future")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"1999-12-31T23:59:59Z","author":{"id":"a"},"text":"x"}""", "'createdAt' is before 2000-01-01")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":"tw:jane","text":"x"}""", "'author' is required and must be an object with at least an 'id'")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{},"text":"x"}""", "'author.id' is required")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":true},"text":"x"}""", "'author.id' must be a string, not a boolean")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","name":7},"text":"x"}""", "'author.name' must be a string, not a number")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","followers":"1200"},"text":"x"}""", "'author.followers' must be a whole number from 0 to 10000000000")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","followers":1.0},"text":"x"}""", "'author.followers' must be a whole number from 0 to 10000000000")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","followers":1e3},"text":"x"}""", "'author.followers' must be a whole number from 0 to 10000000000")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","followers":10000000001},"text":"x"}""", "'author.followers' must be a whole number from 0 to 10000000000")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","followers":-1},"text":"x"}""", "'author.followers' must be a whole number from 0 to 10000000000")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a","isBrand":"true"},"text":"x"}""", "'author.isBrand' must be true or false")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","topics":"acme"}""", "'topics' must be an array of at most 32 topic ids")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","topics":["ok",1]}""", "'topics' holds an invalid id: a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","topics":["-bad"]}""", "'topics' holds an invalid id: a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","topics":["acme\n"]}""", "'topics' holds an invalid id: a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","topics":["ok","acme\r\n"]}""", "'topics' holds an invalid id: a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","conversationId":5}""", "'conversationId' must be a string, not a number")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","lang":"en-GB-oxendict-extra"}""", "'lang' is longer than 16 characters")]
    [InlineData("""{"id":"tw:{1}","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x"}""", "'id' is not a valid id: ids are 1-256 characters of valid Unicode without control characters or '{', '}'")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a\u001f"},"text":"x"}""", "'author.id' is not a valid id: ids are 1-256 characters of valid Unicode without control characters or '{', '}'")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","sharedId":""}""", "'sharedId' is not a valid id: ids are 1-256 characters of valid Unicode without control characters or '{', '}'")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"1"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"retweet"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":5}""", "'kind' must be a string, not a number")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"post, reply"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"share,quote"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"0"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":" post "}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"reply\n"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","kind":"\u017fhare"}""", "'kind' must be one of post|reply|share|quote|review")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","url":"ftp://x.example/"}""", "'url' must be an absolute http or https URL")]
    [InlineData("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"},"text":"x","url":"/relative"}""", "'url' must be an absolute http or https URL")]
    [InlineData("""{"id":null,"source":null,"createdAt":null,"author":null,"text":null}""", "'id' is required")]
    [InlineData("""{"text":"x","source":"pigeon","id":"tw:1","author":{"id":"a"}}""", "'createdAt' is required")]
    [InlineData("1", "a mention must be a JSON object, not a number")]
    [InlineData("\"s\"", "a mention must be a JSON object, not a string")]
    [InlineData("null", "a mention must be a JSON object, not null")]
    [InlineData("true", "a mention must be a JSON object, not a boolean")]
    [InlineData("[{\"id\":\"tw:1\"}]", "a mention must be a JSON object, not an array")]
    public void TryRead_Invalid_ExactError(string json, string error) => Assert.Equal(error, Error(json));

    [Fact]
    public void TryRead_TextLengthLimit_16384Characters()
    {
        Assert.NotNull(Parse(M($"\"text\":\"{new string('a', 16_384)}\"")).Mention);
        Assert.Equal("'text' is longer than 16384 characters", Error(M($"\"text\":\"{new string('a', 16_385)}\"")));
        // Length counts UTF-16 characters of the decoded text, not bytes or escapes.
        Assert.NotNull(Parse(M($"\"text\":\"{string.Concat(Enumerable.Repeat("\\u00e9", 16_384))}\"")).Mention);
    }

    [Fact]
    public void TryRead_TopicLimits()
    {
        var topics32 = string.Join(',', Enumerable.Range(0, 32).Select(i => $"\"t{i}\""));
        Assert.Equal(32, Parse(M($"\"text\":\"x\",\"topics\":[{topics32}]")).Mention!.Topics.Length);
        // Too many outranks an invalid item, even an earlier one.
        Assert.Equal("'topics' must be an array of at most 32 topic ids", Error(M($"\"text\":\"x\",\"topics\":[1,{topics32}]")));
        Assert.Empty(Parse(M(""" "text":"x","topics":null """)).Mention!.Topics);
        Assert.Empty(Parse(M(""" "text":"x","topics":[] """)).Mention!.Topics);
    }

    [Fact]
    public void TryRead_NotUtf8_RefusedAtThatFieldsTurn()
    {
        const string NotUtf8 = "a string in this mention is not valid UTF-8";
        Assert.Equal(NotUtf8, Parse(WithBadBytes(M(""" "text":"acme <BAD>" """))).Error);
        Assert.Equal(NotUtf8, Parse(WithBadBytes(M(""" "text":"x","author":{"id":"a","name":"<BAD>"} """))).Error);
        Assert.Equal(NotUtf8, Parse(WithBadBytes(M(""" "text":"x","topics":["ok","<BAD>",1] """))).Error);
        // An escaped lone surrogate cannot be decoded either.
        Assert.Equal(NotUtf8, Error(M(""" "text":"x \ud800 y" """)));
        Assert.Equal(NotUtf8, Error(M(""" "text":"x","inReplyTo":"\udc00" """)));
        // Fields are checked in the contract's order: an earlier problem is the one reported.
        Assert.Equal("'source' is required", Parse(WithBadBytes("""{"id":"tw:1","text":"<BAD>","createdAt":"2026-11-22T17:00:00Z","author":{"id":"a"}}""")).Error);
        Assert.Equal("'author' is required and must be an object with at least an 'id'",
            Parse(WithBadBytes("""{"id":"tw:1","source":"twitter","createdAt":"2026-11-22T17:00:00Z","text":"x","topics":["<BAD>"]}""")).Error);
        // Strings nobody reads, and names that match nothing, are not decoded.
        Assert.NotNull(Parse(WithBadBytes(M(""" "text":"x","other":"<BAD>","<BAD>":1 """))).Mention);
    }

    [Fact]
    public void TryRead_NameWithEscapedLoneSurrogate_RefusedAfterEveryOtherCheck()
    {
        Assert.Equal("a string in this mention is not valid UTF-8", Error(M(""" "text":"x","\ud800":1 """)));
        Assert.Equal("a string in this mention is not valid UTF-8", Error(M(""" "text":"x","author":{"id":"a","\udc00x":1} """)));
        Assert.Equal("'text' must not be empty", Error("{\"\\ud800\":1," + Head + ",\"text\":\" \"}"));
    }

    private static byte[] WithBadBytes(string json)
    {
        var parts = json.Split("<BAD>");
        return [.. parts.SelectMany((part, i) => (i == 0 ? [] : new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(part)))];
    }
}
