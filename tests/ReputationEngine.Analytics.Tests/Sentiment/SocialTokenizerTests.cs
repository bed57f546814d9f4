using ReputationEngine.Analytics.Text;

namespace ReputationEngine.Analytics.Tests.Sentiment;

public sealed class SocialTokenizerTests
{
    private static List<(string Text, TokenKind Kind, TokenFlags Flags)> Tokenize(string text)
    {
        var buffer = new TokenBuffer();
        SocialTokenizer.Tokenize(text, buffer);
        var tokens = new List<(string, TokenKind, TokenFlags)>();
        foreach (var token in buffer.Tokens)
        {
            tokens.Add((buffer.StringOf(token), token.Kind, token.Flags));
        }

        return tokens;
    }

    [Fact]
    public void Tokenize_Elongation_KeepsTwoLettersAndFlags()
    {
        var tokens = Tokenize("sooo goooood");

        Assert.Equal([("soo", TokenKind.Word, TokenFlags.Elongated), ("good", TokenKind.Word, TokenFlags.Elongated)], tokens);
    }

    [Fact]
    public void Tokenize_AllCapsWord_LowerCasedAndFlagged()
    {
        var tokens = Tokenize("I HATE it");

        Assert.Equal([("i", TokenKind.Word, TokenFlags.None), ("hate", TokenKind.Word, TokenFlags.AllCaps), ("it", TokenKind.Word, TokenFlags.None)], tokens);
    }

    [Theory]
    [InlineData(":-)", ":)")]
    [InlineData(":)))", ":)")]
    [InlineData("=)", ":)")]
    [InlineData("(:", ":)")]
    [InlineData(":'(", ":'(")]
    [InlineData(">:(", ">:(")]
    [InlineData(":-D", ":D")]
    [InlineData("xD", ":D")]
    [InlineData("<3", "<3")]
    [InlineData("</3", "</3")]
    [InlineData(";p", ";P")]
    public void Tokenize_Emoticon_Canonical(string emoticon, string expected)
    {
        var tokens = Tokenize($"ok {emoticon}");

        Assert.Equal(("ok", TokenKind.Word, TokenFlags.None), tokens[0]);
        Assert.Equal((expected, TokenKind.Emoticon, TokenFlags.None), tokens[1]);
        Assert.Equal(2, tokens.Count);
    }

    [Theory]
    [InlineData("😍", "<3")]
    [InlineData("❤️", "<3")]
    [InlineData("🙂", ":)")]
    [InlineData("😡", ">:(")]
    [InlineData("😭", ":'(")]
    [InlineData("👎", ":(")]
    [InlineData("😂", "lol")]
    public void Tokenize_Emoji_MapsToEmoticon(string emoji, string expected)
    {
        var tokens = Tokenize($"{emoji}");

        Assert.Equal([(expected, TokenKind.Emoticon, TokenFlags.None)], tokens);
    }

    [Fact]
    public void Tokenize_HashtagMentionUrlNumber_SocialTokens()
    {
        var tokens = Tokenize("@Acme_Help #EpicFail see https://t.co/x1 in 2.5 days");

        Assert.Equal(
            [
                ("<user>", TokenKind.Mention, TokenFlags.None),
                ("epicfail", TokenKind.Hashtag, TokenFlags.None),
                ("see", TokenKind.Word, TokenFlags.None),
                ("<url>", TokenKind.Url, TokenFlags.None),
                ("in", TokenKind.Word, TokenFlags.None),
                ("<num>", TokenKind.Number, TokenFlags.None),
                ("days", TokenKind.Word, TokenFlags.None),
            ],
            tokens);
    }

    [Fact]
    public void Tokenize_ContractionAndPunctuation_KeptApart()
    {
        var tokens = Tokenize("Don’t go, ok?");

        Assert.Equal(
            [
                ("don't", TokenKind.Word, TokenFlags.None),
                ("go", TokenKind.Word, TokenFlags.None),
                (",", TokenKind.Punctuation, TokenFlags.None),
                ("ok", TokenKind.Word, TokenFlags.None),
                ("?", TokenKind.Punctuation, TokenFlags.None),
            ],
            tokens);
    }

    [Fact]
    public void Tokenize_TextLongerThanLimit_ReadsOnlyTheLimit()
    {
        var text = string.Concat(Enumerable.Repeat("ab ", SocialTokenizer.MaxChars));

        var tokens = Tokenize(text);

        Assert.Equal((SocialTokenizer.MaxChars + 2) / 3, tokens.Count);
    }
}
