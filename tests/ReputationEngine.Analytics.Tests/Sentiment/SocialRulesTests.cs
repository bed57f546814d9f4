using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Analytics.Text;

namespace ReputationEngine.Analytics.Tests.Sentiment;

/// <summary>Exact features of each <see cref="SocialRules"/> rule, and that a model without them is unchanged.</summary>
public sealed class SocialRulesTests
{
    private const int Precision = 5;

    private static List<(string Name, float Value)> Features(string text, SocialRules rules)
    {
        var vector = new FeatureVector { Names = [] };
        new SentimentFeaturizer(charGrams: CharNGramOptions.None, rules: rules).Featurize(text, vector);
        return [.. vector.Names.Zip(vector.Values.ToArray())];
    }

    /// <summary>Unigrams and emoticons (no bigrams, no cues), in order.</summary>
    private static List<string> Unigrams(string text, SocialRules rules) =>
        [.. Features(text, rules).Select(f => f.Name).Where(n => !n.Contains(' ', StringComparison.Ordinal) && !(n.StartsWith('<') && n.EndsWith('>')))];

    private static float ValueOf(List<(string Name, float Value)> features, string name) =>
        Assert.Single(features, f => f.Name == name).Value;

    [Theory]
    [InlineData("can't wait for the weekend", new[] { "excited", "for", "the", "weekend" })]
    [InlineData("cannot wait", new[] { "excited" })]
    [InlineData("can't wait any longer", new[] { "can't", "NOT_wait", "NOT_any", "NOT_longer" })]
    [InlineData("can't complain about it", new[] { "satisfied", "about", "it" })]
    [InlineData("no complaints here", new[] { "satisfied", "here" })]
    [InlineData("no doubt the best", new[] { "definitely", "the", "best" })]
    [InlineData("without a doubt great", new[] { "definitely", "great" })]
    [InlineData("not only cheap", new[] { "not", "only", "cheap" })]
    [InlineData("never let me down", new[] { "reliable" })]
    [InlineData("can't believe how good", new[] { "can't", "believe", "how", "good" })]
    [InlineData("not gonna lie great", new[] { "great" })]
    [InlineData("not going to lie, great", new[] { "great" })]
    [InlineData("never been better", new[] { "better" })]
    [InlineData("couldn't be happier", new[] { "happier" })]
    [InlineData("could not have been worse", new[] { "could", "worse" })]
    public void Idioms_NegatorBeforeIdiom_ExactUnigrams(string text, string[] expected)
    {
        Assert.Equal(expected, Unigrams(text, SocialRules.Idioms));
    }

    [Theory]
    [InlineData("can't wait", new[] { "can't", "NOT_wait" })]
    [InlineData("never been better", new[] { "never", "NOT_been", "NOT_better" })]
    [InlineData("no doubt", new[] { "no", "NOT_doubt" })]
    public void Idioms_Off_PlainNegation(string text, string[] expected)
    {
        Assert.Equal(expected, Unigrams(text, SocialRules.None));
    }

    [Fact]
    public void Idioms_ComparativeAfterNeverBeen_Intensified()
    {
        var features = Features("couldn't be happier", SocialRules.Idioms);

        // The negator and "be" are consumed: one token left, boosted like after "very".
        Assert.Equal(SentimentFeaturizer.IntensifierBoost, ValueOf(features, "happier"), Precision);
    }

    [Fact]
    public void Idioms_CouldntBeMoreHelpful_MoreBoostsTheWordAfter()
    {
        var features = Features("couldn't be more helpful", SocialRules.Idioms);

        Assert.Equal(["more", "helpful"], Unigrams("couldn't be more helpful", SocialRules.Idioms));
        Assert.Equal(SentimentFeaturizer.IntensifierBoost / MathF.Sqrt(2), ValueOf(features, "helpful"), Precision);
    }

    [Fact]
    public void Idioms_ReplacedNegator_ScaledByTheRemainingTokens()
    {
        var features = Features("can't wait!", SocialRules.Idioms);

        Assert.Equal(1f, ValueOf(features, "excited"), Precision);
    }

    [Theory]
    [InlineData("the least helpful agent", new[] { "the", "least", "NOT_helpful", "NOT_agent" })]
    [InlineData("at least they called", new[] { "at", "least", "they", "called" })]
    [InlineData("the very least", new[] { "the", "very", "least" })]
    public void Idioms_Least_NegatesUnlessAtOrVery(string text, string[] expected)
    {
        Assert.Equal(expected, Unigrams(text, SocialRules.Idioms));
    }

    [Fact]
    public void Idioms_AtLeast_NotADampener()
    {
        var features = Features("at least nice", SocialRules.Idioms);

        Assert.Equal(1 / MathF.Sqrt(3), ValueOf(features, "nice"), Precision);
    }

    [Theory]
    [InlineData("hahaha", "haha")]
    [InlineData("ahahah", "haha")]
    [InlineData("hehehe", "haha")]
    [InlineData("lolol", "lol")]
    [InlineData("lool", "lol")]
    [InlineData("lmfao", "lmao")]
    [InlineData("lmaooooo", "lmao")]
    [InlineData("haha", "haha")]
    [InlineData("hello", "hello")]
    [InlineData("ahem", "ahem")]
    [InlineData("loll", "loll")]
    public void Emoji_Laughter_FoldedToOneSpelling(string text, string expected)
    {
        Assert.Equal([expected], Unigrams(text, SocialRules.Emoji));
    }

    [Theory]
    [InlineData("🔥", ":)")]
    [InlineData("💪", ":)")]
    [InlineData("🤡", ":(")]
    [InlineData("🥲", ":/")]
    [InlineData("🙃", ":/")]
    [InlineData("🤦", ":/")]
    [InlineData("💔", "</3")]
    public void Emoji_WideMap_EmoticonToken(string text, string expected)
    {
        Assert.Equal([expected], Unigrams(text, SocialRules.Emoji));
    }

    [Fact]
    public void Emoji_Off_NewEmojiIgnored()
    {
        var vector = new FeatureVector();

        Assert.False(new SentimentFeaturizer(rules: SocialRules.None).Featurize("🔥🤡", vector));
        Assert.Equal(["hahaha"], Unigrams("hahaha", SocialRules.None));
    }

    [Theory]
    [InlineData("great service 🙄", new[] { "NOT_great", "service", ":/" })]
    [InlineData("great service 🙃", new[] { "NOT_great", "service", ":/" })]
    [InlineData("love waiting an hour /s", new[] { "NOT_love", "waiting", "an", "hour", "/s" })]
    [InlineData("yeah right, thanks", new[] { "NOT_yeah", "NOT_right", "NOT_thanks" })]
    [InlineData("worst app 🙄", new[] { "worst", "app", ":/" })]
    public void Sarcasm_ExplicitMarker_PraiseWordsNegated(string text, string[] expected)
    {
        Assert.Equal(expected, Unigrams(text, SocialRules.Sarcasm | SocialRules.Emoji));
    }

    [Theory]
    [InlineData("yeah right there, great", new[] { "yeah", "right", "there", "great" })]
    [InlineData("great 😕", new[] { "great", ":/" })]
    [InlineData("km/s is great", new[] { "km", "s", "is", "great" })]
    public void Sarcasm_NoExplicitMarker_Unchanged(string text, string[] expected)
    {
        Assert.Equal(expected, Unigrams(text, SocialRules.Sarcasm | SocialRules.Emoji));
    }

    [Fact]
    public void Punctuation_InterrobangAndRepeatedQuestion_Cues()
    {
        var features = Features("why?!? really??", SocialRules.Punctuation);

        var scale = 1 / MathF.Sqrt(2);
        Assert.Equal(2 * scale, ValueOf(features, "<?!>"), Precision);
        Assert.Equal(scale, ValueOf(features, "<??>"), Precision);
        Assert.Equal(SentimentFeaturizer.MaxQuestions * scale, ValueOf(features, "<?>"), Precision);
    }

    [Fact]
    public void Punctuation_Off_NoNewCues()
    {
        var features = Features("why?!? really??", SocialRules.None);

        Assert.DoesNotContain(features, f => f.Name is "<?!>" or "<??>");
    }

    [Fact]
    public void Tokenizer_SarcasmEmoji_Flagged()
    {
        var buffer = new TokenBuffer();
        SocialTokenizer.Tokenize("ok 🙄 /s", buffer, wideEmoji: true, sarcasmTag: true);

        Assert.Equal([TokenFlags.None, TokenFlags.Sarcasm, TokenFlags.Sarcasm], buffer.Tokens.ToArray().Select(t => t.Flags));
        Assert.Equal("/s", buffer.StringOf(buffer.Tokens[2]));
    }

    [Theory]
    [InlineData("10/10 would fly again", new[] { "excellent", "would", "fly", "again" })]
    [InlineData("8/10", new[] { "excellent" })]
    [InlineData("service 1/10.", new[] { "service", "terrible" })]
    [InlineData("0/10", new[] { "terrible" })]
    [InlineData("5/10 meh", new[] { "meh" })]
    [InlineData("due 1/10/2025", new[] { "due" })]
    [InlineData("1/100", new string[0])]
    [InlineData("11/10", new[] { "excellent" })]
    public void Ratings_OutOfTen_ReadAsAWord(string text, string[] expected)
    {
        Assert.Equal(expected, Unigrams(text, SocialRules.Ratings));
    }

    [Fact]
    public void Ratings_Off_Numbers()
    {
        Assert.Equal(["<num>", "<num>"], Features("10/10", SocialRules.None).Select(f => f.Name).Where(n => n == "<num>"));
        Assert.Empty(Unigrams("10/10", SocialRules.None));
    }

    [Fact]
    public void Featurize_AllRules_NoAllocationOnceWarm()
    {
        string[] texts =
        [
            "can't wait!! couldn't be happier 🔥 10/10", "yeah right, great service 🙄 /s", "hahaha lmaooo the least helpful agent?!",
            "never let me down, no doubt 🤡🥲 #fail @brand https://t.co/x", "not gonna lie at least it works 1/10??",
        ];
        var featurizer = new SentimentFeaturizer(rules: SocialRules.Default);
        var vector = new FeatureVector();
        foreach (var text in texts)
        {
            featurizer.Featurize(text, vector);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var text in texts)
            {
                featurizer.Featurize(text, vector);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
