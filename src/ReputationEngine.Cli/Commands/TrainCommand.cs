using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Analytics.Sentiment.Training;

namespace ReputationEngine.Cli.Commands;

/// <summary><c>reputation train --data DIR --out PATH</c>: trains the sentiment model and prints held-out figures.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder with the sentiment corpora (shared/data/sentiment)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the trained model file", Required = true };
        var heldOut = new Option<FileInfo?>("--heldout") { Description = "Also write the test split with this model's probabilities as TSV (for the peer evaluation)" };
        var check = new Option<FileInfo[]>("--check") { Description = "Also score a hand-written check set (label<TAB>text per line; never trained on), e.g. eval/sentiment-peers/social-check.tsv; repeatable, each set is scored on its own under its file name", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };
        var defaults = new SentimentTrainingOptions();
        var l1 = new Option<float>("--l1") { Description = "L1 regularization", DefaultValueFactory = _ => defaults.L1Regularization };
        var l2 = new Option<float>("--l2") { Description = "L2 regularization", DefaultValueFactory = _ => defaults.L2Regularization };
        var crossDomain = new Option<string?>("--cross-domain") { Description = "Generality check: corpora whose name starts with this are left out of training and only tested" };
        var lexiconScale = new Option<float>("--lexicon-scale") { Description = "Scale of the lexicon features (higher leans on the lexicon)", DefaultValueFactory = _ => SentimentLexicon.DefaultFeatureScale };
        var lexiconExamples = new Option<float>("--lexicon-examples") { Description = "Weight of the one-word lexicon examples (0 = none)", DefaultValueFactory = _ => defaults.LexiconExampleWeight };
        var corpusWeights = new Option<string[]>("--corpus-weight") { Description = "Weight the training examples of corpora whose name starts with NAME, as NAME=WEIGHT (repeatable)", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };
        var charMin = new Option<int>("--char-min") { Description = "Shortest character n-gram of a word (the word's start/end marks count)", DefaultValueFactory = _ => defaults.CharGrams.MinLength };
        var charMax = new Option<int>("--char-max") { Description = "Longest character n-gram of a word", DefaultValueFactory = _ => defaults.CharGrams.MaxLength };
        var charWeight = new Option<float>("--char-weight") { Description = "Weight of a word's character n-grams relative to the word (0 = no character n-grams)", DefaultValueFactory = _ => defaults.CharGrams.Weight };
        var charNegation = new Option<bool>("--char-negation") { Description = "Mark character n-grams inside a negation scope as separate features (true/false)", DefaultValueFactory = _ => defaults.CharGrams.MarkNegation, Arity = ArgumentArity.ExactlyOne };
        var rules = new Option<SocialRules>("--rules") { Description = $"Social-text rules of the featurizer, comma-separated ({string.Join(", ", Enum.GetNames<SocialRules>())})", DefaultValueFactory = _ => defaults.Rules, CustomParser = r => Enum.Parse<SocialRules>(string.Join(",", r.Tokens.Select(t => t.Value)), ignoreCase: true) };
        var socialLexicon = new Option<bool>("--social-lexicon") { Description = "Add the hand-written social/customer-care terms to the lexicon (true/false)", DefaultValueFactory = _ => defaults.SocialLexicon, Arity = ArgumentArity.ExactlyOne };
        var command = new Command("train", "Train the sentiment model on the corpora and print evaluation figures") { data, output, heldOut, check, l1, l2, crossDomain, lexiconScale, lexiconExamples, corpusWeights, charMin, charMax, charWeight, charNegation, rules, socialLexicon };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(data),
            parse.GetRequiredValue(output),
            parse.GetValue(heldOut),
            parse.GetValue(check) ?? [],
            parse.GetValue(crossDomain),
            parse.GetValue(lexiconScale),
            parse.GetValue(corpusWeights) ?? [],
            defaults with
            {
                L1Regularization = parse.GetValue(l1),
                L2Regularization = parse.GetValue(l2),
                LexiconExampleWeight = parse.GetValue(lexiconExamples),
                CharGrams = new CharNGramOptions(parse.GetValue(charMin), parse.GetValue(charMax), parse.GetValue(charWeight), parse.GetValue(charNegation)),
                Rules = parse.GetValue(rules),
                SocialLexicon = parse.GetValue(socialLexicon),
            }));
        return command;
    }

    private static int Run(DirectoryInfo data, FileInfo output, FileInfo? heldOut, FileInfo[] checks, string? crossDomain, float lexiconScale, string[] corpusWeights, SentimentTrainingOptions options)
    {
        var clock = Stopwatch.StartNew();
        var examples = SentimentCorpora.Load(data.FullName);
        foreach (var setting in corpusWeights)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !float.TryParse(setting[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight < 0f)
            {
                Console.Error.WriteLine($"--corpus-weight expects NAME=WEIGHT, got '{setting}'");
                return 2;
            }

            var prefix = setting[..equals];
            examples = [.. examples.Select(e => e.Corpus.StartsWith(prefix, StringComparison.Ordinal) ? e with { Weight = e.Weight * weight } : e)];
        }

        if (crossDomain is not null)
        {
            examples = [.. examples.Select(e => e.Corpus.StartsWith(crossDomain, StringComparison.Ordinal) ? e with { Split = DataSplit.Test } : e)];
        }

        var lexicon = SentimentLexicon.Load(data.FullName, lexiconScale, options.SocialLexicon);
        if (options.LexiconExampleWeight > 0f)
        {
            examples = [.. examples, .. SentimentCorpora.LexiconExamples(data.FullName, options.LexiconExampleWeight, options.SocialLexicon)];
        }

        Console.WriteLine($"{examples.Count} examples, lexicon of {lexicon.Count} terms, character n-grams {options.CharGrams}, social rules {options.Rules}, social lexicon {options.SocialLexicon}");
        foreach (var corpus in examples.GroupBy(e => e.Corpus).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byLabel = string.Join(" ", corpus.GroupBy(e => e.Label).OrderBy(g => g.Key).Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}"));
            Console.WriteLine($"  {corpus.Key,-16} {corpus.Count(),6}  ({byLabel})");
        }

        var model = SentimentTrainer.Train(examples, lexicon, options, Console.WriteLine);
        output.Directory?.Create();
        model.Save(output.FullName);
        output.Refresh();
        Console.WriteLine($"model: {output.FullName} ({output.Length / 1024} KiB, {model.NonZeroFeatures} weighted features), trained in {clock.Elapsed.TotalSeconds:F1} s");

        var test = examples.Where(e => e.Split == DataSplit.Test).ToList();
        Console.WriteLine();
        Console.WriteLine("Held-out test split (binary accuracy on polar items; macro-F1 over negative/neutral/positive where the corpus has neutral items)");
        Console.WriteLine($"{"corpus",-16} {"n",6} {"binary acc",10} {"macro-F1",9}  confusion (rows gold neg/neu/pos, cols predicted)");
        foreach (var (corpus, metrics) in SentimentEvaluation.Evaluate(model, test))
        {
            PrintRow(corpus, metrics);
        }

        foreach (var check in checks)
        {
            // Scored and written beside the held-out split, but never part of its "all" row; each
            // set is its own corpus (named after its file) so the sets are never mixed.
            var corpus = Path.GetFileNameWithoutExtension(check.Name);
            var checkSet = SentimentCorpora.LoadCheckSet(check.FullName, corpus);
            Console.WriteLine();
            Console.WriteLine($"Check set {check.Name} (hand-written, never trained on)");
            PrintRow(corpus, SentimentEvaluation.Evaluate(model, checkSet)[SentimentEvaluation.AllCorpora]);
            test = [.. test, .. checkSet];
        }

        if (heldOut is not null)
        {
            WriteHeldOut(heldOut, model, test);
        }

        return 0;
    }

    private static void PrintRow(string corpus, ClassificationMetrics metrics)
    {
        var f1 = metrics.HasNeutral ? metrics.MacroF1.ToString("F3", CultureInfo.InvariantCulture) : "-";
        Console.WriteLine($"{corpus,-16} {metrics.Count,6} {metrics.BinaryAccuracy,10:F3} {f1,9}  {metrics.ConfusionText()}");
    }

    private static void WriteHeldOut(FileInfo path, SentimentModel model, IReadOnlyList<LabeledText> test)
    {
        path.Directory?.Create();
        using var writer = new StreamWriter(path.FullName, false, new UTF8Encoding(false));
        writer.WriteLine("corpus\tgold\trating\tnegative\tneutral\tpositive\ttext");
        foreach (var e in test)
        {
            var r = model.Score(e.Text);
            var text = e.Text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
            var rating = e.Rating?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Corpus}\t{e.Label.ToString().ToLowerInvariant()}\t{rating}\t{r.Negative:R}\t{r.Neutral:R}\t{r.Positive:R}\t{text}"));
        }

        Console.WriteLine($"held-out split written to {path.FullName}");
    }
}
