using ReputationEngine.Analytics.Matching;

namespace ReputationEngine.Analytics.Tests.Matching;

public sealed class TopicMatcherTests
{
    private static TopicMatcher Matcher(params TopicRule[] rules) => new(rules);

    private static TopicRule Rule(string id, string[]? keywords = null, string[]? hashtags = null, string[]? handles = null, string[]? exclude = null) =>
        new(id, keywords ?? [], hashtags ?? [], handles ?? [], exclude ?? []);

    [Theory]
    [InlineData("I love ACME products", true)]
    [InlineData("acme!", true)]
    [InlineData("acmebank is down", false)]
    [InlineData("the notacme shop", false)]
    [InlineData("", false)]
    public void Match_Keyword_IsCaseInsensitiveAndWordBounded(string text, bool expected)
    {
        var matcher = Matcher(Rule("acme", keywords: ["acme"]));
        Assert.Equal(expected, matcher.Match(text).Contains("acme"));
    }

    [Fact]
    public void Match_Phrase_RequiresConsecutiveWords()
    {
        var matcher = Matcher(Rule("bank", keywords: ["Acme Bank"]));
        Assert.Equal(["bank"], matcher.Match("my acme bank account"));
        Assert.Empty(matcher.Match("acme is a bank"));
        Assert.Empty(matcher.Match("acme"));
    }

    [Fact]
    public void Match_HashtagsAndHandles_MatchWithOrWithoutPrefixInRule()
    {
        var matcher = Matcher(Rule("a", hashtags: ["#AcmeFail"]), Rule("b", handles: ["acmehelp"]));
        Assert.Equal(["a"], matcher.Match("so annoyed #acmefail"));
        Assert.Equal(["b"], matcher.Match("@AcmeHelp please answer"));
        Assert.Empty(matcher.Match("acmefail acmehelp"));
    }

    [Fact]
    public void Match_KeywordAlsoMatchesHashtagWord()
    {
        var matcher = Matcher(Rule("acme", keywords: ["acme"]));
        Assert.Equal(["acme"], matcher.Match("#Acme rocks"));
    }

    [Fact]
    public void Match_ExcludePhrase_VetoesOnlyItsTopic()
    {
        var matcher = Matcher(Rule("acme", keywords: ["acme"], exclude: ["acme anvil"]), Rule("all", keywords: ["acme"]));
        Assert.Equal(["all"], matcher.Match("the acme anvil fell"));
        Assert.Equal(["acme", "all"], matcher.Match("acme support"));
    }

    [Fact]
    public void Match_ManyTopics_BeyondSixtyFourStillWork()
    {
        var rules = Enumerable.Range(0, 100).Select(i => Rule($"t{i}", keywords: [$"word{i}"])).ToArray();
        var matcher = Matcher(rules);
        Assert.Equal(["t3", "t99"], matcher.Match("word99 and word3"));
    }

    [Fact]
    public void Match_Unicode_KeepsLettersWithAccents()
    {
        var matcher = Matcher(Rule("cafe", keywords: ["café"]));
        Assert.Equal(["cafe"], matcher.Match("Le Café est fermé"));
        Assert.Empty(matcher.Match("cafe"));
    }
}
