using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Analytics.Sentiment.Training;

namespace ReputationEngine.Analytics.Tests.Sentiment;

public sealed class SentimentModelTests
{
    private static readonly SentimentModel Model = SentimentModel.LoadDefault();

    [Theory]
    [InlineData("I love this, best purchase ever :)", SentimentClass.Positive)]
    [InlineData("Terrible service, I want a refund 😡", SentimentClass.Negative)]
    [InlineData("The store opens at 9am tomorrow", SentimentClass.Neutral)]
    public void Score_ClearTexts_ExpectedLabel(string text, SentimentClass expected)
    {
        Assert.Equal(expected, Model.Score(text).Label);
    }

    [Fact]
    public void Score_Negation_FlipsPolarity()
    {
        Assert.True(Model.Score("this is good").Score > 0);
        Assert.True(Model.Score("this is not good").Score < 0);
    }

    [Fact]
    public void Score_CapsAndElongation_StrongerThanPlain()
    {
        Assert.True(Model.Score("this is BAD").Score < Model.Score("this is bad").Score);
        Assert.True(Model.Score("sooo goood").Score > Model.Score("good").Score * 0.5f);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!...")]
    public void Score_NothingToScore_Neutral(string text)
    {
        Assert.Equal(SentimentResult.NeutralResult, Model.Score(text));
    }

    [Fact]
    public void Score_AnyText_ProbabilitiesSumToOne()
    {
        foreach (var (text, _) in SocialSmokeSet.Posts)
        {
            var r = Model.Score(text);
            Assert.Equal(1f, r.Negative + r.Neutral + r.Positive, 4);
            Assert.InRange(r.Score, -1f, 1f);
        }
    }

    [Fact]
    public void LoadDefault_TrainedWithTheDefaultCharGrams()
    {
        Assert.Equal(CharNGramOptions.Default, Model.CharGrams);
    }

    [Fact]
    public void LoadDefault_TrainedWithTheDefaultSocialRules()
    {
        Assert.Equal(SocialRules.Default, Model.Rules);
    }

    [Fact]
    public void Save_ThenLoad_GivesIdenticalScores()
    {
        using var stream = new MemoryStream();
        Model.Save(stream);
        stream.Position = 0;
        var reloaded = SentimentModel.Load(stream);

        foreach (var (text, _) in SocialSmokeSet.Posts)
        {
            Assert.Equal(Model.Score(text), reloaded.Score(text));
        }

        Assert.Equal(Model.Temperature, reloaded.Temperature);
        Assert.Equal(Model.CharGrams, reloaded.CharGrams);
        Assert.Equal(Model.Rules, reloaded.Rules);
        Assert.Equal(Model.NonZeroFeatures, reloaded.NonZeroFeatures);
    }

    [Fact]
    public void ScoreBatch_ManyThreads_SameAsSequential()
    {
        var texts = SocialSmokeSet.Posts.Select(p => p.Text).ToArray();
        var expected = texts.Select(Model.Score).ToArray();

        Parallel.For(0, 64, _ =>
        {
            var results = new SentimentResult[texts.Length];
            Model.ScoreBatch(texts, results);
            Assert.Equal(expected, results);
        });
    }

    [Fact]
    public void Explain_PolarText_NamesTheTermsThatPushed()
    {
        var terms = Model.Explain("the staff was rude and the food was awful", 3);

        Assert.InRange(terms.Count, 1, 3);
        Assert.Contains(terms, t => t.Term is "rude" or "awful");
        Assert.DoesNotContain(terms, t => t.Term.Contains('[', StringComparison.Ordinal)); // n-grams count towards their word
        Assert.True(terms.Zip(terms.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
    }

    [Fact]
    public void SocialSmokeSet_Default_AboveFloor()
    {
        // Floors for the embedded model on the hand-written check set: 103 posts (70 polar) since sent3.
        // With character n-grams (sent5) it scores 88/103 three-class and 65/70 binary (before: 85/103, 63/70);
        // with the social rules and lexicon (sent6) 90/103 and 66/70.
        const double MinAccuracy = 0.8;
        const double MinPolarAccuracy = 0.9;

        var posts = SocialSmokeSet.Posts;
        AssertAboveFloor(posts.Select(p => (p.Text, p.Label)), MinAccuracy, MinPolarAccuracy);
    }

    [Fact]
    public void BlindSocialSet_Default_AboveFloor()
    {
        // The blind set (sent6, 157 posts, 120 polar), written before the model saw it. Floors are the
        // model before the social rules: 118/157 three-class, 102/120 binary; the shipped model: 128/157, 108/120.
        const double MinAccuracy = 0.75;
        const double MinPolarAccuracy = 0.85;

        var posts = SentimentCorpora.LoadCheckSet(SocialSmokeSet.Find("eval/sentiment-peers/social-check-2.tsv"));
        AssertAboveFloor(posts.Select(p => (p.Text, p.Label)), MinAccuracy, MinPolarAccuracy);
    }

    /// <summary>Three-class accuracy over all posts, and binary accuracy (sign of the score) over the polar ones.</summary>
    private static void AssertAboveFloor(IEnumerable<(string Text, SentimentClass Label)> posts, double minAccuracy, double minPolarAccuracy)
    {
        var results = posts.Select(p => (p.Label, Result: Model.Score(p.Text))).ToList();
        var accuracy = results.Count(r => r.Result.Label == r.Label) / (double)results.Count;
        var polar = results.Where(r => r.Label != SentimentClass.Neutral).ToList();
        var polarAccuracy = polar.Count(r => (r.Result.Score >= 0) == (r.Label == SentimentClass.Positive)) / (double)polar.Count;

        Assert.True(accuracy >= minAccuracy, $"3-class accuracy {accuracy:F3} < {minAccuracy}");
        Assert.True(polarAccuracy >= minPolarAccuracy, $"binary accuracy {polarAccuracy:F3} < {minPolarAccuracy}");
    }
}
