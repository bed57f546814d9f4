using BitFaster.Caching.Lru;

namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Remembers results for repeated texts: shares and quotes of one post make up most of a
/// viral burst and carry the same text, so scoring them again costs one cache lookup.
/// Thread-safe; a bounded LRU keeps memory flat.
/// </summary>
public sealed class CachedSentimentScorer : ISentimentScorer
{
    /// <summary>Distinct texts remembered by default (a burst's worth of originals).</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>Longer texts are scored without caching so the cache's memory stays bounded.</summary>
    public const int MaxCachedLength = 1_024;

    private readonly ISentimentScorer _inner;
    private readonly ConcurrentLru<string, SentimentResult> _cache;

    public CachedSentimentScorer(ISentimentScorer inner, int capacity = DefaultCapacity)
    {
        _inner = inner;
        _cache = new ConcurrentLru<string, SentimentResult>(capacity);
    }

    /// <summary>The embedded model behind a cache of <see cref="DefaultCapacity"/> texts: what the engine should use.</summary>
    public static CachedSentimentScorer CreateDefault() => new(SentimentModel.LoadDefault());

    public int Count => _cache.Count;

    public SentimentResult Score(string text)
    {
        if (text.Length > MaxCachedLength)
        {
            return _inner.Score(text);
        }

        return _cache.GetOrAdd(text, static (t, inner) => inner.Score(t), _inner);
    }

    public void ScoreBatch(ReadOnlySpan<string> texts, Span<SentimentResult> results)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            results[i] = Score(texts[i] ?? string.Empty);
        }
    }

    public IReadOnlyList<(string Term, float Weight)> Explain(string text, int top) => _inner.Explain(text, top);
}
