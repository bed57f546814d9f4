using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReputationEngine.Analytics.Text;

namespace ReputationEngine.Analytics.Sentiment.Training;

/// <summary>
/// Reads the corpora under <c>shared/data/sentiment</c> into labeled examples. The VADER rated
/// corpora come first because they carry human ratings (and hence a neutral class); later
/// corpora that repeat one of their texts (Pang &amp; Lee ⊃ VADER movie, Hu &amp; Liu ⊃ VADER amazon)
/// are skipped, so no text sits in two splits.
/// </summary>
public static partial class SentimentCorpora
{
    /// <summary>A mean rating at least this far from zero is polar; closer is neutral.</summary>
    public const float PolarRating = 0.5f;

    /// <summary>Percent of examples (by text hash) for training and validation; the rest is the test split.</summary>
    public const int TrainPercent = 70;
    public const int ValidationPercent = 10;

    /// <summary>Hu &amp; Liu sentences without an opinion annotation are only probably neutral.</summary>
    public const float UnannotatedWeight = 0.5f;

    private const uint SplitSeed = 0x5EED;

    /// <summary>Corpus name of the one-word examples made from the VADER lexicon.</summary>
    public const string LexiconCorpus = "lexicon";

    /// <summary>VADER mean valence from which a lexicon term becomes a one-word polar example.</summary>
    public const float LexiconPolarValence = 1f;

    /// <summary>
    /// Reads the VADER lexicon's terms as one-word training examples (always in the training split):
    /// social texts are short, and this teaches the model what a single slang word or emoticon means.
    /// </summary>
    public static IReadOnlyList<LabeledText> LexiconExamples(string dataDir, float weight, bool social = false)
    {
        var examples = new List<LabeledText>();
        var vaderTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(dataDir, "vader", "vader_lexicon.txt")))
        {
            var parts = line.Split('\t');
            vaderTerms.Add(parts[0]);
            if (parts.Length >= 2 && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence)
                && Math.Abs(valence) >= LexiconPolarValence)
            {
                var label = valence > 0 ? SentimentClass.Positive : SentimentClass.Negative;
                examples.Add(new LabeledText(LexiconCorpus, parts[0], label, valence, weight, DataSplit.Train));
            }
        }

        if (social)
        {
            foreach (var (term, valence) in SocialLexicon.Terms)
            {
                if (!vaderTerms.Contains(term) && Math.Abs(valence) >= LexiconPolarValence)
                {
                    examples.Add(new LabeledText(LexiconCorpus, term, valence > 0 ? SentimentClass.Positive : SentimentClass.Negative, valence, weight, DataSplit.Train));
                }
            }
        }

        return examples;
    }

    public static IReadOnlyList<LabeledText> Load(string dataDir)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<LabeledText>();
        void Add(string corpus, string text, SentimentClass label, float? rating, float weight = 1f)
        {
            text = text.Trim();
            var key = Key(text);
            if (key.Length == 0 || !seen.Add(key))
            {
                return;
            }

            all.Add(new LabeledText(corpus, text, label, rating, weight, SplitOf(key)));
        }

        foreach (var name in new[] { "amazon", "movie", "nyt" })
        {
            var corpus = $"vader-{name}";
            var file = name switch
            {
                "amazon" => "amazonReviewSnippets_GroundTruth.txt",
                "movie" => "movieReviewSnippets_GroundTruth.txt",
                _ => "nytEditorialSnippets_GroundTruth.txt",
            };
            foreach (var line in File.ReadLines(Path.Combine(dataDir, "vader", file)))
            {
                var parts = line.Split('\t', 3);
                if (parts.Length == 3 && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rating))
                {
                    Add(corpus, parts[2], FromRating(rating), rating);
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(dataDir, "huliu-product-reviews"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(file).Equals("README.txt", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var line in File.ReadLines(file, Encoding.Latin1))
            {
                var at = line.IndexOf("##", StringComparison.Ordinal);
                if (at < 0 || line.StartsWith('*'))
                {
                    continue;
                }

                var sum = AnnotationPattern().Matches(line[..at]).Sum(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
                var label = sum > 0 ? SentimentClass.Positive : sum < 0 ? SentimentClass.Negative : SentimentClass.Neutral;
                Add("huliu-reviews", line[(at + 2)..], label, null, label == SentimentClass.Neutral ? UnannotatedWeight : 1f);
            }
        }

        foreach (var name in new[] { "amazon_cells", "imdb", "yelp" })
        {
            foreach (var line in File.ReadLines(Path.Combine(dataDir, "uci-labelled-sentences", $"{name}_labelled.txt")))
            {
                var tab = line.LastIndexOf('\t');
                if (tab > 0 && line[(tab + 1)..].Trim() is "0" or "1")
                {
                    Add($"uci-{name.Replace("_cells", string.Empty, StringComparison.Ordinal)}", line[..tab],
                        line[(tab + 1)..].Trim() == "1" ? SentimentClass.Positive : SentimentClass.Negative, null);
                }
            }
        }

        foreach (var (file, label) in new[] { ("rt-polarity.pos", SentimentClass.Positive), ("rt-polarity.neg", SentimentClass.Negative) })
        {
            foreach (var line in File.ReadLines(Path.Combine(dataDir, "pang-lee-polarity", file)))
            {
                Add("pang-lee", line, label, null);
            }
        }

        return all;
    }

    /// <summary>Corpus name of the hand-written social check posts (scored, never trained on).</summary>
    public const string CheckCorpus = "social-check";

    /// <summary>
    /// Reads a check set: one <c>label&lt;TAB&gt;text</c> per line (label negative, neutral or
    /// positive; lines starting with # are comments). Every item is in the test split.
    /// </summary>
    public static IReadOnlyList<LabeledText> LoadCheckSet(string path) => LoadCheckSet(path, CheckCorpus);

    /// <summary>Reads a check set under its own corpus name, so several sets are scored apart.</summary>
    public static IReadOnlyList<LabeledText> LoadCheckSet(string path, string corpus)
    {
        var examples = new List<LabeledText>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }

            var label = Enum.Parse<SentimentClass>(line[..tab], ignoreCase: true);
            examples.Add(new LabeledText(corpus, line[(tab + 1)..], label, null, 1f, DataSplit.Test));
        }

        return examples;
    }

    public static SentimentClass FromRating(float rating) =>
        rating >= PolarRating ? SentimentClass.Positive
        : rating <= -PolarRating ? SentimentClass.Negative
        : SentimentClass.Neutral;

    /// <summary>Letters and digits only, lower-cased: the same sentence tokenized differently gets one key.</summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static DataSplit SplitOf(string key)
    {
        var bucket = FeatureHasher.Hash(key, SplitSeed) % 100;
        return bucket < TrainPercent ? DataSplit.Train
            : bucket < TrainPercent + ValidationPercent ? DataSplit.Validation
            : DataSplit.Test;
    }

    [GeneratedRegex(@"\[([+-]\d)\]")]
    private static partial Regex AnnotationPattern();
}
