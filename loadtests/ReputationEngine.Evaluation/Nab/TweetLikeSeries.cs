using System.Globalization;
using ReputationEngine.Analytics.Detection;

namespace ReputationEngine.Evaluation.Nab;

/// <summary>
/// A synthetic stand-in for tweet volumes about a company (NAB's held-out <c>realTweets</c> kind of series): 8 weeks of
/// 5-minute counts with a daily cycle, quieter weekends, gamma–Poisson (overdispersed) noise, about three routine bursts a
/// day (1.5–4× for a few buckets, at random times) and four news events after the first week (5–20× the base rate,
/// rising over 30–60 minutes, decaying over about two hours). The generator was written before any tuning against it and
/// is a sanity check of behaviour (does news open an alert, how many alerts do routine bursts cost), not a benchmark.
/// </summary>
public static class TweetLikeSeries
{
    public const int Seeds = 20;
    public const int Days = 56;
    public const int BucketsPerDay = 288;

    /// <summary>An open counts for an event from an hour before it to six hours after it.</summary>
    public const int Before = 12;

    public const int After = 72;

    /// <summary>Opens in the first buckets (NAB's probationary period for such a file) are not counted.</summary>
    public const int Probation = 750;

    public static void Run(AlertingSettings? baseSettings)
    {
        int tp = 0, fp = 0, events = 0;
        double delay = 0;
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var (counts, news) = Generate(seed);
            var settings = (baseSettings ?? AlertingSettings.Default) with { BucketSeconds = 300, ResolveAfterMinutes = NabRunner.ResolveAfterBuckets * 5 };
            var detector = new TopicDetector(settings);
            var opens = new List<int>();
            var start = new DateTimeOffset(2015, 2, 26, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < counts.Length; i++)
            {
                var at = start.AddMinutes(5 * i);
                detector.ObserveCounts(at, counts[i]);
                if (detector.Evaluate(at).Any(s => s is { Kind: AlertKind.VolumeSpike, Action: AlertAction.Open }))
                {
                    opens.Add(i);
                }
            }

            var scored = opens.Where(o => o >= Probation).ToList();
            foreach (var e in news)
            {
                var hit = scored.Where(o => o >= e - Before && o < e + After).DefaultIfEmpty(-1).Min();
                if (hit >= 0)
                {
                    tp++;
                    delay += hit - e;
                }
            }

            fp += scored.Count(o => !news.Any(e => o >= e - Before && o < e + After));
            events += news.Count;
        }

        Console.WriteLine($"## Tweet-like synthetic series ({Seeds} series × {Days} days of 5-minute buckets, {events} news events)");
        Console.WriteLine();
        Console.WriteLine("| news events alerted | other opens (routine bursts, noise) | other opens per series-day | mean delay after the news starts |");
        Console.WriteLine("|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {tp}/{events} | {fp} | {fp / (double)(Seeds * (Days - (Probation / (double)BucketsPerDay))):F2} | {(tp > 0 ? delay / tp * 5 : 0):F0} min |"));
        Console.WriteLine();
    }

    public static (double[] Counts, List<int> News) Generate(int seed)
    {
        var r = new Random(seed);
        const int N = Days * BucketsPerDay;
        var baseRate = 30 + (r.NextDouble() * 120);
        var rates = new double[N];
        for (var i = 0; i < N; i++)
        {
            var weekend = i / BucketsPerDay % 7 is 5 or 6 ? 0.7 : 1.0;
            rates[i] = baseRate * weekend * (1 + (0.6 * Math.Sin(2 * Math.PI * (((i % BucketsPerDay) / (double)BucketsPerDay) - 0.3))));
        }

        for (var i = 0; i < N; i++)
        {
            if (r.NextDouble() < 3.0 / BucketsPerDay)
            {
                var m = 0.5 + (r.NextDouble() * 2.5);
                for (var k = 0; k < 6 && i + k < N; k++)
                {
                    rates[i + k] += rates[i + k] * m * Math.Exp(-k / 1.5);
                }
            }
        }

        var news = new List<int>();
        for (var e = 0; e < 4; e++)
        {
            var at = (7 * BucketsPerDay) + r.Next(N - (8 * BucketsPerDay));
            news.Add(at);
            var size = 5 + (r.NextDouble() * 15);
            var rise = 6 + r.Next(7);
            for (var k = 0; k < rise + 60 && at + k < N; k++)
            {
                rates[at + k] += baseRate * size * (k < rise ? (k + 1.0) / rise : Math.Exp(-(k - rise) / 24.0));
            }
        }

        var counts = new double[N];
        for (var i = 0; i < N; i++)
        {
            counts[i] = Poisson(r, rates[i] * Gamma(r, 8) / 8);
        }

        return (counts, news);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    // Marsaglia–Tsang, shape ≥ 1.
    private static double Gamma(Random r, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(r);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            if (Math.Log(r.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static int Poisson(Random r, double lambda)
    {
        if (lambda > 50)
        {
            return (int)Math.Max(0, Math.Round(lambda + (Math.Sqrt(lambda) * Normal(r))));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= r.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
