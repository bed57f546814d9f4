using System.Diagnostics;
using System.Globalization;
using ReputationEngine.Analytics.Detection;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Evaluation;

/// <summary>
/// Mentions per second through one <see cref="TopicDetector"/> (observe + evaluate per batch, text
/// tokenised by the detector), and bytes allocated per mention, on synthetic mentions built up front.
/// </summary>
public static class ThroughputBenchmark
{
    public const int Mentions = 1_000_000;
    public const int BatchSize = 1000;

    private static readonly string[] Texts =
    [
        "acme support never answered my refund request",
        "loving the new acme phone, battery lasts forever",
        "acme store downtown is closed again today?",
        "RT @acme: our winter sale starts now #deals",
        "why does the acme app crash every time I pay",
    ];

    public static void Run()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var mentions = new MentionObservation[Mentions];
        for (var i = 0; i < Mentions; i++)
        {
            // 200 mentions per second of event time; every tenth a share of one of 300 conversations.
            var share = i % 10 == 0;
            mentions[i] = new MentionObservation(
                $"m{i}", start.AddMilliseconds(i * 5.0), (SentimentClass)(i % 3), 0, $"a{i % 50_000}", (i * 7919L) % 20_000,
                share ? $"c{i % 300}" : $"m{i}", share ? MentionKind.Share : MentionKind.Post, Texts[i % Texts.Length]);
        }

        var detector = new TopicDetector();
        DetectorReplay.ReplayMentions(detector, mentions.Take(50_000), BatchSize); // warm up
        detector = new TopicDetector();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var signals = DetectorReplay.ReplayMentions(detector, mentions, BatchSize);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine("## Detector throughput");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Mentions:N0} mentions in batches of {BatchSize}: {Mentions / watch.Elapsed.TotalSeconds:N0} mentions/s on one thread, {(double)allocated / Mentions:F0} bytes allocated per mention, {signals.Count} signals."));
        Console.WriteLine();
    }
}
