using System.Diagnostics;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.LoadTests.Measurement;

/// <summary>
/// The bare sentiment-scoring rate of the run's own texts on this machine, measured in the same run: the
/// yardstick every throughput figure is divided by, since absolute numbers on a shared machine are noisy.
/// Batches are the size the engine's dispatcher scores at once.
/// </summary>
public static class ScoringCeiling
{
    public const int BatchSize = 4_000;
    public static readonly TimeSpan MeasureFor = TimeSpan.FromSeconds(1);

    /// <summary>(all cores, one thread) in texts per second.</summary>
    public static (double AllCores, double SingleThread) Measure(IReadOnlyList<string> texts)
    {
        var model = SentimentModel.LoadDefault();
        Run(model, texts, TimeSpan.FromMilliseconds(200)); // warm up (JIT, caches)
        var single = Run(model, texts, MeasureFor);
        var totals = new double[Environment.ProcessorCount];
        Parallel.For(0, totals.Length, new ParallelOptions { MaxDegreeOfParallelism = totals.Length }, i => totals[i] = Run(model, texts, MeasureFor));
        return (totals.Sum(), single);
    }

    private static double Run(SentimentModel model, IReadOnlyList<string> texts, TimeSpan duration)
    {
        var batch = new string[Math.Min(BatchSize, texts.Count)];
        var results = new SentimentResult[batch.Length];
        var offset = 0;
        long scored = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[(offset + i) % texts.Count];
            }

            offset = (offset + batch.Length) % texts.Count;
            model.ScoreBatch(batch, results);
            scored += batch.Length;
        }

        return scored / clock.Elapsed.TotalSeconds;
    }
}
