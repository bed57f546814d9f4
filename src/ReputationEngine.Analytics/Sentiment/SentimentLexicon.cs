using System.Globalization;
using ReputationEngine.Analytics.Text;

namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// What the VADER lexicon (mean valence −4..+4) and the Hu &amp; Liu opinion lexicon (positive or
/// negative word lists) know about tokens. Used only while training: its features are folded
/// into the model's token weights afterwards, so the shipped model needs no lexicon file.
/// </summary>
public sealed class SentimentLexicon
{
    /// <summary>Dense features: VADER positive, VADER negative, Hu &amp; Liu positive, Hu &amp; Liu negative.</summary>
    public const int FeatureCount = 4;

    /// <summary>VADER valences are divided by this to land in −1..1.</summary>
    private const float VaderScale = 4f;

    /// <summary>How much of a word's valence survives negation, with the sign flipped (VADER's constant).</summary>
    public const float NegationFactor = 0.74f;

    /// <summary>
    /// Lexicon features are multiplied by this: a larger value lets the regularized trainer lean
    /// on the lexicon (which generalizes to unseen words) rather than on corpus n-grams.
    /// </summary>
    public const float DefaultFeatureScale = 1f;

    private readonly float _featureScale;
    private readonly Dictionary<string, (float Vader, float HuLiu)> _entries;
    private readonly Dictionary<string, (float Vader, float HuLiu)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SentimentLexicon(Dictionary<string, (float Vader, float HuLiu)> entries, float featureScale)
    {
        _featureScale = featureScale;
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Normalized token texts the lexicon knows, for folding.</summary>
    public IEnumerable<string> Terms => _entries.Keys;

    public int Count => _entries.Count;

    /// <summary>Loads <c>vader/vader_lexicon.txt</c> and <c>huliu-opinion-lexicon/*-words.txt</c> under <paramref name="dataDir"/>.</summary>
    /// <param name="dataDir">The sentiment data folder.</param>
    /// <param name="featureScale">Scale of the lexicon features.</param>
    /// <param name="social">Also <see cref="SocialLexicon"/>'s terms (only where VADER has no rating).</param>
    public static SentimentLexicon Load(string dataDir, float featureScale = DefaultFeatureScale, bool social = false)
    {
        var vader = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        var huliu = new Dictionary<string, float>(StringComparer.Ordinal);
        var buffer = new TokenBuffer();

        foreach (var line in File.ReadLines(Path.Combine(dataDir, "vader", "vader_lexicon.txt")))
        {
            var parts = line.Split('\t');
            if (parts.Length < 2 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                continue;
            }

            if (Normalize(parts[0], buffer) is { } key)
            {
                if (!vader.TryGetValue(key, out var list))
                {
                    vader[key] = list = [];
                }

                list.Add(valence / VaderScale);
            }
        }

        if (social)
        {
            foreach (var (term, valence) in SocialLexicon.Terms)
            {
                if (Normalize(term, buffer) is { } key && !vader.ContainsKey(key))
                {
                    vader[key] = [valence / VaderScale];
                }
            }
        }

        ReadWordList(Path.Combine(dataDir, "huliu-opinion-lexicon", "positive-words.txt"), 1f, huliu, buffer);
        ReadWordList(Path.Combine(dataDir, "huliu-opinion-lexicon", "negative-words.txt"), -1f, huliu, buffer);

        var entries = new Dictionary<string, (float Vader, float HuLiu)>(StringComparer.Ordinal);
        foreach (var (key, values) in vader)
        {
            entries[key] = (values.Average(), 0f);
        }

        foreach (var (key, polarity) in huliu)
        {
            entries[key] = (entries.GetValueOrDefault(key).Vader, polarity);
        }

        return new SentimentLexicon(entries, featureScale);
    }

    /// <summary>Adds the lexicon features of one token occurrence, scaled by <paramref name="value"/>.</summary>
    public void Accumulate(ReadOnlySpan<char> token, bool negated, float value, Span<float> features)
    {
        if (!_lookup.TryGetValue(token, out var entry))
        {
            return;
        }

        Span<float> unit = stackalloc float[FeatureCount];
        Unit(entry, negated, unit);
        for (var k = 0; k < FeatureCount; k++)
        {
            features[k] += unit[k] * value;
        }
    }

    /// <summary>The lexicon features one occurrence of <paramref name="term"/> adds at value 1.</summary>
    public void Unit(string term, bool negated, Span<float> unit)
    {
        unit.Clear();
        if (_entries.TryGetValue(term, out var entry))
        {
            Unit(entry, negated, unit);
        }
    }

    private void Unit((float Vader, float HuLiu) entry, bool negated, Span<float> unit)
    {
        var sign = (negated ? -NegationFactor : 1f) * _featureScale;
        var vader = entry.Vader * sign;
        var huliu = entry.HuLiu * sign;
        unit[0] = Math.Max(vader, 0f);
        unit[1] = Math.Max(-vader, 0f);
        unit[2] = Math.Max(huliu, 0f);
        unit[3] = Math.Max(-huliu, 0f);
    }

    private static void ReadWordList(string path, float polarity, Dictionary<string, float> target, TokenBuffer buffer)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == ';')
            {
                continue;
            }

            if (Normalize(line.Trim(), buffer) is { } key)
            {
                target[key] = polarity;
            }
        }
    }

    /// <summary>A lexicon entry counts only if the tokenizer reads it as one token, then under that token's text.</summary>
    private static string? Normalize(string entry, TokenBuffer buffer)
    {
        SocialTokenizer.Tokenize(entry, buffer);
        return buffer.Count == 1 && buffer.Tokens[0].Kind is TokenKind.Word or TokenKind.Emoticon
            ? buffer.StringOf(buffer.Tokens[0])
            : null;
    }
}
