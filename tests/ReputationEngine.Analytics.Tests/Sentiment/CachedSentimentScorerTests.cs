using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Analytics.Tests.Sentiment;

public sealed class CachedSentimentScorerTests
{
    [Fact]
    public void Score_RepeatedText_CachedOnceSameResult()
    {
        var model = SentimentModel.LoadDefault();
        var cached = new CachedSentimentScorer(model);
        const string Text = "RT @acme this outage is a disaster";

        var first = cached.Score(Text);
        var second = cached.Score(Text);

        Assert.Equal(model.Score(Text), first);
        Assert.Equal(first, second);
        Assert.Equal(1, cached.Count);
    }

    [Fact]
    public void ScoreBatch_BurstOfShares_MatchesModel()
    {
        var model = SentimentModel.LoadDefault();
        var cached = new CachedSentimentScorer(model);
        var texts = Enumerable.Range(0, 1000).Select(i => i % 10 == 0 ? $"original post {i}" : "everyone is sharing this great news").ToArray();
        var results = new SentimentResult[texts.Length];

        cached.ScoreBatch(texts, results);

        Assert.Equal(texts.Select(model.Score), results);
        Assert.Equal(101, cached.Count);
    }

    [Fact]
    public void Score_VeryLongText_NotCached()
    {
        var cached = new CachedSentimentScorer(SentimentModel.LoadDefault());

        cached.Score(new string('a', CachedSentimentScorer.MaxCachedLength + 1));

        Assert.Equal(0, cached.Count);
    }
}
