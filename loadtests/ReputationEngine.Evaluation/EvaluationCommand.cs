using System.Globalization;
using System.Text.Json;
using ReputationEngine.Analytics.Detection;
using ReputationEngine.Evaluation.Cascades;
using ReputationEngine.Evaluation.Nab;

namespace ReputationEngine.Evaluation;

/// <summary>
/// <c>dotnet run -c Release --project loadtests/ReputationEngine.Evaluation -- [nab|tweetlike|cascades|throughput|all|trace FILE] [--data DIR] [--verbose [--windows]] [--no-mirror]</c>:
/// scores the detectors on NAB and the reach forecast on the cascades, printing Markdown.
/// </summary>
public static class EvaluationCommand
{
    private static bool Windows { get; set; }

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var dataIndex = Array.IndexOf(args, "--data");
        var data = dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : DataLocator.Find();
        var verbose = args.Contains("--verbose");
        // --windows (with --verbose): also prints each labelled window and the row and weight of its earliest detection.
        Windows = args.Contains("--windows");
        // --settings '{"volumeOpenZ":6}' overrides alert settings exactly as a topic's "alerting" JSON does.
        var settingsIndex = Array.IndexOf(args, "--settings");
        var settings = settingsIndex >= 0 && settingsIndex + 1 < args.Length
            ? JsonSerializer.Deserialize<AlertingSettings>(args[settingsIndex + 1], JsonSerializerOptions.Web)
            : null;
        if (verb is "nab" or "all")
        {
            RunNab(Path.Combine(data, "bursts", "nab"), settings, verbose, mirrored: !args.Contains("--no-mirror"));
        }

        if (verb is "tweetlike" or "all")
        {
            TweetLikeSeries.Run(settings);
        }

        if (verb is "trace")
        {
            // trace <nab file, e.g. realKnownCause/nyc_taxi.csv>: prints every volume signal of one series.
            var name = args[Array.IndexOf(args, "trace") + 1];
            var series = NabCorpus.Load(Path.Combine(data, "bursts", "nab")).Single(s => s.Name == name);
            NabRunner.Trace(series, Console.Out);
        }

        if (verb is "nab-export" or "nab-replay-score")
        {
            // nab-export DIR [--subset N] [--median M]: mentions + topics per series for `reputation replay` (eval/nab-replay.sh);
            // nab-replay-score DIR: scores the replays' alerts beside the direct detector on the same files.
            var dir = args[Array.IndexOf(args, verb) + 1];
            var subsetIndex = Array.IndexOf(args, "--subset");
            var medianIndex = Array.IndexOf(args, "--median");
            var median = medianIndex >= 0 && medianIndex + 1 < args.Length ? double.Parse(args[medianIndex + 1], CultureInfo.InvariantCulture) : NabRunner.TargetMedianCount;
            var subset = subsetIndex >= 0 && subsetIndex + 1 < args.Length ? int.Parse(args[subsetIndex + 1], CultureInfo.InvariantCulture) : 0;
            var corpus = NabCorpus.Load(Path.Combine(data, "bursts", "nab"));
            if (verb is "nab-export")
            {
                var entries = NabReplayExport.Write(Subset(corpus, subset), dir, median);
                Console.WriteLine($"wrote {entries.Count} series, {entries.Sum(e => e.MentionCount)} mentions to {dir}");
            }
            else
            {
                ScoreReplay(corpus, dir, settings, verbose);
            }
        }

        if (verb is "cascades" or "all")
        {
            CascadeEvaluation.Run(Path.Combine(data, "cascades", "training"), verbose);
        }

        if (verb is "throughput" or "all")
        {
            ThroughputBenchmark.Run();
        }

        return 0;
    }

    private static void RunNab(string nabDir, AlertingSettings? settings, bool verbose, bool mirrored = true)
    {
        var corpus = NabCorpus.Load(nabDir);
        Console.WriteLine($"## NAB ({corpus.Count} files, {corpus.Sum(s => s.Windows.Count)} windows)");
        Console.WriteLine();
        Console.WriteLine("| detector | profile | score | TP | FP | FN |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var withDrops in mirrored ? new[] { false, true } : new[] { false })
        {
            var detections = corpus.Select(s => NabRunner.DetectionRows(s, settings, withDrops)).ToList();
            ScoreNab(corpus, detections, withDrops ? "volumeSpike + mirrored drop detector" : "volumeSpike (product)", verbose && !withDrops);
        }

        // Scorer self-check: firing exactly at each window's first row must give 100, never firing 0.
        var perfect = corpus.Select(s => NabScorer.Score(s, s.Windows.Select(w => Array.FindIndex(s.Timestamps, t => t >= w.From)).ToList(), NabProfile.Standard));
        var none = corpus.Select(s => NabScorer.Score(s, [], NabProfile.Standard));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scorer check (standard profile): perfect detector {NabScorer.Normalise(perfect):F1}, null detector {NabScorer.Normalise(none):F1}."));
        Console.WriteLine();
    }

    /// <summary>Every k-th file so that about <paramref name="count"/> remain (0: all); spreads over the groups.</summary>
    private static List<NabSeries> Subset(List<NabSeries> corpus, int count)
    {
        if (count <= 0 || count >= corpus.Count)
        {
            return corpus;
        }

        var step = (double)corpus.Count / count;
        return Enumerable.Range(0, count).Select(i => corpus[(int)(i * step)]).ToList();
    }

    private static void ScoreReplay(List<NabSeries> corpus, string dir, AlertingSettings? settings, bool verbose)
    {
        var entries = JsonSerializer.Deserialize<List<NabReplayExport.Entry>>(File.ReadAllText(Path.Combine(dir, NabReplayExport.ManifestName)), JsonSerializerOptions.Web)!;
        var missing = entries.Where(e => !File.Exists(Path.Combine(dir, e.Alerts))).Select(e => e.Name).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"no replay output for: {string.Join(", ", missing)}");
        }

        var series = entries.Select(e => corpus.Single(s => s.Name == e.Name)).ToList();
        var replayed = entries.Select((e, i) => NabReplayExport.DetectionRows(series[i], Path.Combine(dir, e.Alerts), e.TopicId)).ToList();
        var direct = series.Select((s, i) => NabRunner.DetectionRows(s, settings, targetMedian: entries[i].TargetMedian)).ToList();
        Console.WriteLine($"## NAB through `reputation replay` ({series.Count} files, {series.Sum(s => s.Windows.Count)} windows, {entries.Sum(e => e.MentionCount)} mentions, median row {entries.FirstOrDefault()?.TargetMedian} mentions)");
        Console.WriteLine();
        Console.WriteLine("| detector | profile | score | TP | FP | FN |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        ScoreNab(series, replayed, "volumeSpike via reputation replay", verbose);
        ScoreNab(series, direct, "volumeSpike direct (same files)", false);
        var differing = series.Where((s, i) => !replayed[i].Order().SequenceEqual(direct[i].Order())).Select(s => s.Name).ToList();
        Console.WriteLine();
        Console.WriteLine(differing.Count == 0
            ? "Replay and direct detector open alerts at the same rows in every file."
            : $"Rows differ between replay and direct detector in: {string.Join(", ", differing)}");
        for (var i = 0; i < series.Count && verbose; i++)
        {
            if (differing.Contains(series[i].Name))
            {
                Console.Error.WriteLine($"{series[i].Name}: replay rows {string.Join(" ", replayed[i].Order())}; direct rows {string.Join(" ", direct[i].Order())}");
            }
        }
        Console.WriteLine();
    }

    private static void ScoreNab(List<NabSeries> corpus, List<List<int>> detections, string detector, bool verbose)
    {
        foreach (var profile in NabProfile.All)
        {
            var scores = corpus.Select((s, i) => NabScorer.Score(s, detections[i], profile)).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {detector} | {profile.Name} | {NabScorer.Normalise(scores):F1} | {scores.Sum(f => f.TruePositives)} | {scores.Sum(f => f.FalsePositives)} | {scores.Sum(f => f.FalseNegatives)} |"));
            if (verbose && profile == NabProfile.Standard)
            {
                foreach (var f in scores)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Name,-60} raw {f.Raw,7:F2} tp {f.TruePositives} fp {f.FalsePositives} fn {f.FalseNegatives}"));
                }

                if (Windows)
                {
                    for (var i = 0; i < corpus.Count; i++)
                    {
                        Console.Error.WriteLine(corpus[i].Name);
                        foreach (var line in NabScorer.WindowReport(corpus[i], detections[i]))
                        {
                            Console.Error.WriteLine(line);
                        }
                    }
                }
            }
        }
    }
}
