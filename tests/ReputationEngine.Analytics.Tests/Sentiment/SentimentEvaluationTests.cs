using ReputationEngine.Analytics.Sentiment.Training;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Tests.Sentiment;

/// <summary>Held-out figures of the embedded model; skipped when the shared corpora are absent.</summary>
public sealed class SentimentEvaluationTests
{
    // Stated floors on the test split (never trained on). At the time of writing (sent5, character n-grams): 0.812 / 0.646.
    private const double MinBinaryAccuracy = 0.78;
    private const double MinMacroF1 = 0.60;

    [Fact]
    public void Evaluate_HeldOutSplit_AboveFloor()
    {
        Assert.SkipWhen(TestData.SentimentDir is null, "shared/data/sentiment not found");

        var test = SentimentCorpora.Load(TestData.SentimentDir!).Where(e => e.Split == DataSplit.Test).ToList();
        var all = SentimentEvaluation.Evaluate(SentimentModel.LoadDefault(), test)[SentimentEvaluation.AllCorpora];

        Assert.True(all.BinaryAccuracy >= MinBinaryAccuracy, $"binary accuracy {all.BinaryAccuracy:F3} < {MinBinaryAccuracy}");
        Assert.True(all.MacroF1 >= MinMacroF1, $"macro-F1 {all.MacroF1:F3} < {MinMacroF1}");
    }

    [Fact]
    public void Load_Corpora_NoTextInTwoSplits()
    {
        Assert.SkipWhen(TestData.SentimentDir is null, "shared/data/sentiment not found");

        var examples = SentimentCorpora.Load(TestData.SentimentDir!);

        Assert.Equal(examples.Count, examples.Select(e => SentimentCorpora.Key(e.Text)).Distinct().Count());
        Assert.Contains(examples, e => e.Label == SentimentClass.Neutral);
    }

    [Fact]
    public void LoadCheckSet_CommentsAndLabels_ExactItems()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["# comment\twith a tab", "positive\tlove it 😍", "", "Neutral\topens at 9", "negative\tstill waiting\tday 3"]);

            var items = SentimentCorpora.LoadCheckSet(path);

            Assert.Equal([("love it 😍", SentimentClass.Positive), ("opens at 9", SentimentClass.Neutral), ("still waiting\tday 3", SentimentClass.Negative)],
                items.Select(e => (e.Text, e.Label)));
            Assert.All(items, e => Assert.Equal((SentimentCorpora.CheckCorpus, DataSplit.Test, 1f), (e.Corpus, e.Split, e.Weight)));
            Assert.All(SentimentCorpora.LoadCheckSet(path, "social-check-2"), e => Assert.Equal("social-check-2", e.Corpus));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SocialCheckSet_Loads_AllThreeClasses()
    {
        var posts = SocialSmokeSet.Posts;

        Assert.Equal(103, posts.Count);
        Assert.Equal([37, 33, 33], posts.GroupBy(p => p.Label).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void BlindCheckSet_Loads_AllThreeClasses()
    {
        var posts = SentimentCorpora.LoadCheckSet(SocialSmokeSet.Find("eval/sentiment-peers/social-check-2.tsv"), "social-check-2");

        Assert.Equal(157, posts.Count);
        Assert.Equal([72, 37, 48], posts.GroupBy(p => p.Label).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public void ClassificationMetrics_KnownConfusion_ExactFigures()
    {
        var metrics = new ClassificationMetrics();
        metrics.Add(SentimentClass.Positive, new SentimentResult(0.1f, 0.2f, 0.7f));
        metrics.Add(SentimentClass.Negative, new SentimentResult(0.6f, 0.3f, 0.1f));
        metrics.Add(SentimentClass.Neutral, new SentimentResult(0.1f, 0.8f, 0.1f));
        metrics.Add(SentimentClass.Negative, new SentimentResult(0.2f, 0.7f, 0.1f));

        Assert.Equal(1.0, metrics.BinaryAccuracy);
        Assert.Equal("[1 1 0; 0 1 0; 0 0 1]", metrics.ConfusionText());

        // F1: negative 2/3, neutral 2/3, positive 1.
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1) / 3, metrics.MacroF1, 6);
    }
}
