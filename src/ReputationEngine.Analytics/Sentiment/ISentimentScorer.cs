namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Scores texts for sentiment. Implementations must be safe to call from many threads at once
/// (the engine's ingest workers share one scorer per process).
/// </summary>
public interface ISentimentScorer
{
    SentimentResult Score(string text);

    /// <summary>Scores a batch; <paramref name="results"/> must be at least as long as <paramref name="texts"/>.</summary>
    void ScoreBatch(ReadOnlySpan<string> texts, Span<SentimentResult> results);

    /// <summary>
    /// The terms that pushed the prediction for <paramref name="text"/> towards its label, strongest
    /// first, at most <paramref name="top"/> (for alert evidence and the dashboard).
    /// </summary>
    IReadOnlyList<(string Term, float Weight)> Explain(string text, int top);
}
