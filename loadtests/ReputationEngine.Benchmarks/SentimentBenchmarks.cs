using BenchmarkDotNet.Attributes;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Benchmarks;

/// <summary>
/// Sentiment scoring per text: one call per text, one batch call, a batch split over all cores,
/// and a viral burst (90 % shares of the same post) through the cache.
/// </summary>
[MemoryDiagnoser]
public class SentimentBenchmarks
{
    public const int TextCount = 10_000;

    /// <summary>In a burst, one text in this many is an original; the rest are shares of it.</summary>
    private const int SharesPerOriginal = 10;

    private string[] _texts = [];
    private string[] _burst = [];
    private SentimentResult[] _results = [];
    private SentimentModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = SentimentModel.LoadDefault();
        _texts = SyntheticPosts.Generate(TextCount);
        _burst = [.. _texts.Select((t, i) => _texts[i - (i % SharesPerOriginal)])];
        _results = new SentimentResult[TextCount];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TextCount)]
    public float ScoreSingle()
    {
        var sum = 0f;
        foreach (var text in _texts)
        {
            sum += _model.Score(text).Score;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = TextCount)]
    public void ScoreBatch() => _model.ScoreBatch(_texts, _results);

    [Benchmark(OperationsPerInvoke = TextCount)]
    public void ScoreBatchAllCores()
    {
        var workers = Environment.ProcessorCount;
        var chunk = (TextCount + workers - 1) / workers;
        Parallel.For(0, workers, w =>
        {
            var start = w * chunk;
            var length = Math.Min(TextCount, start + chunk) - start;
            _model.ScoreBatch(_texts.AsSpan(start, length), _results.AsSpan(start, length));
        });
    }

    [Benchmark(OperationsPerInvoke = TextCount)]
    public void ScoreBurstCached()
    {
        // A fresh cache per burst: the figure includes scoring each original once.
        var cached = new CachedSentimentScorer(_model, TextCount);
        cached.ScoreBatch(_burst, _results);
    }
}
