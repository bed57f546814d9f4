using ReputationEngine.Analytics.Sentiment;

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
        [.. Features(text).Select(f => f.Name).Where(n => !n.Contains(' ', StringComparison.Ordinal) && !n.StartsWith('<'))];

    [Fact]
    public void Featurize_NotGood_MarksNegatedWord()
    {
        var features = Features("not good");

        Assert.Equal(["not", "NOT_good", "not good"], features.Select(f => f.Name));
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
}
