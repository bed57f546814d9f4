using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Analytics.Text;

namespace ReputationEngine.Analytics.Tests.Sentiment;

public sealed class SentimentFeaturizerTests
{
    private const int Precision = 5;

    private static List<(string Name, float Value)> Features(string text)
    {
        var vector = new FeatureVector { Names = [] };
        new SentimentFeaturizer().Featurize(text, vector);
        return [.. vector.Names.Zip(vector.Values.ToArray())];
    }

    private static float ValueOf(List<(string Name, float Value)> features, string name) =>
        Assert.Single(features, f => f.Name == name).Value;

    private static List<string> Unigrams(string text) =>
        [.. Features(text).Select(f => f.Name).Where(n => !n.Contains(' ', StringComparison.Ordinal) && !n.StartsWith('<') && !IsCharGram(n))];

    private static bool IsCharGram(string name) => name.Length > 2 && name[^1] == ']' && name.IndexOf('[', StringComparison.Ordinal) > 0;

    /// <summary>Char n-gram features of a text as "word[gram]" names, in the order added.</summary>
    private static List<(string Name, float Value)> CharGrams(string text, CharNGramOptions? options = null)
    {
        var vector = new FeatureVector { Names = [] };
        new SentimentFeaturizer(charGrams: options).Featurize(text, vector);
        return [.. vector.Names.Zip(vector.Values.ToArray()).Where(f => IsCharGram(f.First))];
    }

    private static readonly CharNGramOptions ThreeToFive = new(3, 5, 1f, MarkNegation: true);

    [Fact]
    public void Featurize_NotGood_MarksNegatedWord()
    {
        var features = Features("not good");

        Assert.Equal(["not", "NOT_good", "not good"], features.Select(f => f.Name).Where(n => !IsCharGram(n)));
        Assert.Equal(1 / MathF.Sqrt(2), ValueOf(features, "NOT_good"), Precision);
    }

    [Fact]
    public void Featurize_NoProblemsAtAll_NegatesTheWholeScope()
    {
        Assert.Equal(["no", "NOT_problems", "NOT_at", "NOT_all"], Unigrams("no problems at all"));
    }

    [Fact]
    public void Featurize_NegationScope_EndsAfterThreeWords()
    {
        Assert.Equal(["not", "NOT_a", "NOT_b", "NOT_c", "d"], Unigrams("not a b c d"));
    }

    [Fact]
    public void Featurize_NegationScope_EndsAtPunctuationAndBut()
    {
        Assert.Equal(["not", "NOT_good", "great"], Unigrams("not good. great"));
        Assert.Equal(["isn't", "NOT_cheap", "but", "good"], Unigrams("isn't cheap but good"));
    }

    [Fact]
    public void Featurize_Intensifier_BoostsNextWord()
    {
        var features = Features("very good");

        Assert.Equal(SentimentFeaturizer.IntensifierBoost / MathF.Sqrt(2), ValueOf(features, "good"), Precision);
    }

    [Fact]
    public void Featurize_Dampener_WeakensNextWord()
    {
        var features = Features("slightly annoying");

        Assert.Equal(SentimentFeaturizer.DampenerFactor / MathF.Sqrt(2), ValueOf(features, "annoying"), Precision);
    }

    [Fact]
    public void Featurize_CapsWordInMixedText_BoostedWithCue()
    {
        var features = Features("this is GOOD");

        var scale = 1 / MathF.Sqrt(3);
        Assert.Equal(SentimentFeaturizer.CapsBoost * scale, ValueOf(features, "good"), Precision);
        Assert.Equal(scale, ValueOf(features, "<caps>"), Precision);
    }

    [Fact]
    public void Featurize_AllCapsText_NotEmphasis()
    {
        var features = Features("THIS IS GOOD");

        Assert.Equal(1 / MathF.Sqrt(3), ValueOf(features, "good"), Precision);
        Assert.DoesNotContain(features, f => f.Name == "<caps>");
    }

    [Fact]
    public void Featurize_Elongation_SplitsBetweenReadingsWithBoost()
    {
        var features = Features("baaad");

        Assert.Equal(SentimentFeaturizer.ElongationBoost / 2, ValueOf(features, "baad"), Precision);
        Assert.Equal(SentimentFeaturizer.ElongationBoost / 2, ValueOf(features, "bad"), Precision);
        Assert.Equal(1f, ValueOf(features, "<elongated>"), Precision);
    }

    [Fact]
    public void Featurize_But_WeightsTheClauseAfterMore()
    {
        var features = Features("good but bad");

        var scale = 1 / MathF.Sqrt(3);
        Assert.Equal(SentimentFeaturizer.BeforeContrast * scale, ValueOf(features, "good"), Precision);
        Assert.Equal(SentimentFeaturizer.AfterContrast * scale, ValueOf(features, "bad"), Precision);
    }

    [Fact]
    public void Featurize_EmojiAndExclamations_EmoticonTokenAndCappedCue()
    {
        var features = Features("love it 😍!!!!!!");

        var scale = 1 / MathF.Sqrt(3);
        Assert.Equal(scale, ValueOf(features, "<3"), Precision);
        Assert.Equal(SentimentFeaturizer.MaxExclamations * scale, ValueOf(features, "<!>"), Precision);
    }

    [Fact]
    public void Featurize_Hashtag_WordPlusCue()
    {
        var features = Features("#fail");

        Assert.Equal(1f, ValueOf(features, "fail"), Precision);
        Assert.Equal(1f, ValueOf(features, "<hashtag>"), Precision);
    }

    [Fact]
    public void Featurize_OnlyPunctuation_ReportsNothingToScore()
    {
        var vector = new FeatureVector();

        Assert.False(new SentimentFeaturizer().Featurize(" ... !? ", vector));
        Assert.Equal(0, vector.Count);
    }

    [Fact]
    public void CharGramsOf_Word_FramedThreeToFiveGramsWithoutTheWholeWord()
    {
        Assert.Equal(["<go", "<goo", "<good", "goo", "good", "good>", "ood", "ood>", "od>"], SentimentFeaturizer.CharGramsOf("good", ThreeToFive));
        Assert.Equal(9, ThreeToFive.CountFor(4));
    }

    [Fact]
    public void CharGramsOf_ShortWords_OnlyProperSubstringsOfTheFramedWord()
    {
        // "<a>" is the whole framed word (the unigram already): nothing; "<ok>" gives its two 3-grams.
        Assert.Empty(SentimentFeaturizer.CharGramsOf(string.Empty, ThreeToFive));
        Assert.Empty(SentimentFeaturizer.CharGramsOf("a", ThreeToFive));
        Assert.Equal(["<ok", "ok>"], SentimentFeaturizer.CharGramsOf("ok", ThreeToFive));
        Assert.Equal(0, ThreeToFive.CountFor(1));
        Assert.Equal(2, ThreeToFive.CountFor(2));
    }

    [Fact]
    public void CharGramsOf_Disabled_None()
    {
        Assert.Empty(SentimentFeaturizer.CharGramsOf("good", CharNGramOptions.None));
        Assert.Empty(SentimentFeaturizer.CharGramsOf("good", ThreeToFive with { Weight = 0f }));
    }

    [Fact]
    public void Featurize_Word_AddsItsCharGramsSharingTheWordWeight()
    {
        var grams = CharGrams("good", ThreeToFive with { Weight = 0.6f });

        Assert.Equal(SentimentFeaturizer.CharGramsOf("good", ThreeToFive).Select(g => $"good[{g}]"), grams.Select(g => g.Name));
        Assert.All(grams, g => Assert.Equal(0.6f / 3f, g.Value, Precision)); // 9 n-grams: 0.6 / √9
    }

    [Fact]
    public void Featurize_OneLetterWordsEmoticonsAndPlaceholders_NoCharGrams()
    {
        Assert.Empty(CharGrams("i a :) 😍 @acme https://t.co/x 42"));
    }

    [Fact]
    public void Featurize_CasingAndElongation_NormalizedBeforeCharGrams()
    {
        // "GOOOOD" is the token "good" (lower-cased, the run cut to two letters): the n-grams of "good",
        // at the same indices, with the elongation boost on their value.
        var shouted = CharGramIndices("GOOOOD");
        var plain = CharGramIndices("good");

        Assert.Equal(SentimentFeaturizer.CharGramsOf("good", CharNGramOptions.Default).Select(g => $"good[{g}]"), shouted.Select(g => g.Name));
        Assert.Equal(plain.Select(g => g.Index), shouted.Select(g => g.Index));
        Assert.All(shouted, g => Assert.Equal(SentimentFeaturizer.ElongationBoost * plain[0].Value, g.Value, Precision));
    }

    private static List<(string Name, int Index, float Value)> CharGramIndices(string text)
    {
        var vector = new FeatureVector { Names = [] };
        new SentimentFeaturizer().Featurize(text, vector);
        return [.. Enumerable.Range(0, vector.Count).Where(i => IsCharGram(vector.Names![i])).Select(i => (vector.Names![i], vector.Indices[i], vector.Values[i]))];
    }

    [Fact]
    public void Featurize_Hashtag_CompoundGetsCharGramsOfItsParts()
    {
        var names = CharGrams("#worstservice").Select(g => g.Name).ToList();

        Assert.Contains("worstservice[<wors]", names);
        Assert.Contains("worstservice[worst]", names);
        Assert.Contains("worstservice[vice>]", names);
        Assert.Equal(CharNGramOptions.Default.CountFor("worstservice".Length), names.Count);
    }

    [Fact]
    public void Featurize_NegationScope_MarksCharGramsAndScalesWithTheWord()
    {
        var grams = CharGrams("not very good", ThreeToFive);

        var good = grams.Where(g => g.Name.StartsWith("NOT_good[", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, good.Count);
        Assert.All(good, g => Assert.Equal(SentimentFeaturizer.IntensifierBoost / MathF.Sqrt(3) / 3f, g.Value, Precision));
        Assert.Contains(grams, g => g.Name == "not[<no]");
    }

    [Fact]
    public void Featurize_NegationNotMarked_SameIndicesAsPlainWord()
    {
        var options = ThreeToFive with { MarkNegation = false };
        var negated = new FeatureVector { Names = [] };
        var plain = new FeatureVector { Names = [] };
        new SentimentFeaturizer(charGrams: options).Featurize("never good", negated);
        new SentimentFeaturizer(charGrams: options).Featurize("good", plain);

        var plainGrams = Enumerable.Range(0, plain.Count).Where(i => IsCharGram(plain.Names![i])).Select(i => plain.Indices[i]);
        var negatedGrams = Enumerable.Range(0, negated.Count).Where(i => negated.Names![i].StartsWith("good[", StringComparison.Ordinal)).Select(i => negated.Indices[i]);
        Assert.Equal(plainGrams, negatedGrams);
    }

    [Fact]
    public void Featurize_CharGramsOff_OnlyTheWordFeatures()
    {
        var vector = new FeatureVector { Names = [] };

        new SentimentFeaturizer(charGrams: CharNGramOptions.None).Featurize("terrible service", vector);

        Assert.Equal(["terrible", "service", "terrible service"], vector.Names);
    }

    [Fact]
    public void FeatureHasher_Incremental_SameAsWhole()
    {
        var state = FeatureHasher.Start(7);
        foreach (var c in "<goo")
        {
            state = FeatureHasher.Step(state, c);
        }

        Assert.Equal(FeatureHasher.Hash("<goo", 7), FeatureHasher.Finish(state));
    }
}
