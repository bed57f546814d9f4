namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>Scores a split per corpus, plus an "all" row.</summary>
public static class SentimentEvaluation
{
    public const string AllCorpora = "all";

    public static IReadOnlyDictionary<string, ClassificationMetrics> Evaluate(ISentimentScorer scorer, IEnumerable<LabeledText> examples)
    {
        var result = new SortedDictionary<string, ClassificationMetrics>(StringComparer.Ordinal);
        var all = new ClassificationMetrics();
        foreach (var e in examples)
        {
            if (!result.TryGetValue(e.Corpus, out var metrics))
            {
                result[e.Corpus] = metrics = new ClassificationMetrics();
            }

            var predicted = scorer.Score(e.Text);
            metrics.Add(e.Label, predicted);
            all.Add(e.Label, predicted);
        }

        result[AllCorpora] = all;
        return result;
    }
}
