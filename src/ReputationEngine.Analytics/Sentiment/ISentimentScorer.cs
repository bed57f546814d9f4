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
}
