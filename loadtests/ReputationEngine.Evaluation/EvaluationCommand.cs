using System.Globalization;
using System.Text.Json;
using ReputationEngine.Analytics.Detection;
using ReputationEngine.Evaluation.Cascades;
using ReputationEngine.Evaluation.Nab;

namespace ReputationEngine.Evaluation;

/// <summary>
/// <c>dotnet run -c Release --project loadtests/ReputationEngine.Evaluation -- [nab|cascades|throughput|all|trace FILE] [--data DIR] [--verbose]</c>:
/// scores the detectors on NAB and the reach forecast on the cascades, printing Markdown.
/// </summary>
public static class EvaluationCommand
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var dataIndex = Array.IndexOf(args, "--data");
        var data = dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : DataLocator.Find();
        var verbose = args.Contains("--verbose");
        // --settings '{"volumeOpenZ":6}' overrides alert settings exactly as a topic's "alerting" JSON does.
        var settingsIndex = Array.IndexOf(args, "--settings");
        var settings = settingsIndex >= 0 && settingsIndex + 1 < args.Length
            ? JsonSerializer.Deserialize<AlertingSettings>(args[settingsIndex + 1], JsonSerializerOptions.Web)
            : null;
        if (verb is "nab" or "all")
        {
            RunNab(Path.Combine(data, "bursts", "nab"), settings, verbose);
        }

        if (verb is "trace")
        {
            // trace <nab file, e.g. realKnownCause/nyc_taxi.csv>: prints every volume signal of one series.
            var name = args[Array.IndexOf(args, "trace") + 1];
            var series = NabCorpus.Load(Path.Combine(data, "bursts", "nab")).Single(s => s.Name == name);
            NabRunner.Trace(series, Console.Out);
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

    private static void RunNab(string nabDir, AlertingSettings? settings, bool verbose)
    {
        var corpus = NabCorpus.Load(nabDir);
        Console.WriteLine($"## NAB ({corpus.Count} files, {corpus.Sum(s => s.Windows.Count)} windows)");
        Console.WriteLine();
        Console.WriteLine("| detector | profile | score | TP | FP | FN |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var withDrops in new[] { false, true })
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
            }
        }
    }
}
