using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// The trained sentiment model: per-class weights over <see cref="SentimentFeaturizer"/>'s
/// hashed features, biases and a softmax temperature fitted for calibrated probabilities.
/// Scoring is a sparse dot product done here (no ML.NET <c>PredictionEngine</c>), so one
/// instance is safe and fast on any number of threads.
/// </summary>
public sealed class SentimentModel : ISentimentScorer
{
    public const int ClassCount = 3;

    /// <summary>Name of the model file compiled into this assembly.</summary>
    public const string DefaultResourceName = "ReputationEngine.Analytics.Sentiment.sentiment.model";

    private const int Magic = 0x4D534552; // "RESM"
    // Version 1: no character n-grams. Version 2 adds the n-gram settings after the header,
    // version 3 the social rules after them.
    private const int FormatVersion = 3;
    private const int HeaderInts = 4; // magic, version, hash bits, classes
    private const int CharGramInts = 4; // min length, max length, weight, mark negation

    private static readonly Lazy<SentimentModel> Default = new(LoadEmbedded);

    [ThreadStatic]
    private static SentimentFeaturizer? t_featurizer;

    [ThreadStatic]
    private static FeatureVector? t_features;

    // Row-major [feature * ClassCount + class] so one feature's three weights share a cache line.
    private readonly float[] _weights;

    private const uint IndexMask = SentimentFeaturizer.HashSize - 1;
    private readonly float[] _biases;

    public SentimentModel(float[] weights, float[] biases, float temperature, CharNGramOptions charGrams, SocialRules rules = SocialRules.None)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, SentimentFeaturizer.HashSize * ClassCount);
        ArgumentOutOfRangeException.ThrowIfNotEqual(biases.Length, ClassCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        _weights = weights;
        _biases = biases;
        Temperature = temperature;
        CharGrams = charGrams;
        Rules = rules;
    }

    /// <summary>The character n-grams the model was trained with (scoring uses the same).</summary>
    public CharNGramOptions CharGrams { get; }

    /// <summary>The social-text rules the model was trained with (scoring uses the same).</summary>
    public SocialRules Rules { get; }

    /// <summary>Logits are divided by this before the softmax (fitted on a validation split).</summary>
    public float Temperature { get; }

    /// <summary>The model shipped inside this assembly; loaded once per process.</summary>
    public static SentimentModel LoadDefault() => Default.Value;

    public static SentimentModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    public static SentimentModel Load(Stream stream)
    {
        // Decompress in one go and parse from memory: per-value stream reads made loading slow.
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var buffer = new MemoryStream();
        brotli.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var header = MemoryMarshal.Cast<byte, int>(bytes[..(HeaderInts * sizeof(int))]);
        if (header[0] != Magic || header[1] is < 1 or > FormatVersion)
        {
            throw new InvalidDataException("Not a sentiment model file (or an unsupported version).");
        }

        if (header[2] != SentimentFeaturizer.HashBits || header[3] != ClassCount)
        {
            throw new InvalidDataException("The model was trained with another featurizer layout.");
        }

        var offset = HeaderInts * sizeof(int);
        var charGrams = CharNGramOptions.None;
        if (header[1] >= 2)
        {
            var settings = bytes.Slice(offset, CharGramInts * sizeof(int));
            charGrams = new CharNGramOptions(
                BinaryPrimitives.ReadInt32LittleEndian(settings),
                BinaryPrimitives.ReadInt32LittleEndian(settings[4..]),
                BinaryPrimitives.ReadSingleLittleEndian(settings[8..]),
                BinaryPrimitives.ReadInt32LittleEndian(settings[12..]) != 0);
            offset += CharGramInts * sizeof(int);
        }

        var rules = SocialRules.None;
        if (header[1] >= 3)
        {
            rules = (SocialRules)BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
            offset += sizeof(int);
        }

        var floats = MemoryMarshal.Cast<byte, float>(bytes[offset..]);
        var temperature = floats[0];
        var biases = floats.Slice(1, ClassCount).ToArray();
        var body = bytes[(offset + ((1 + ClassCount) * sizeof(int)))..];
        var rows = BinaryPrimitives.ReadInt32LittleEndian(body);
        var rowBytes = sizeof(int) * (1 + ClassCount);
        var weights = new float[SentimentFeaturizer.HashSize * ClassCount];
        var index = 0;
        for (var r = 0; r < rows; r++)
        {
            var row = body.Slice(sizeof(int) + (r * rowBytes), rowBytes);
            index += BinaryPrimitives.ReadInt32LittleEndian(row);
            var target = index * ClassCount;
            for (var c = 0; c < ClassCount; c++)
            {
                weights[target + c] = BinaryPrimitives.ReadSingleLittleEndian(row[((c + 1) * sizeof(int))..]);
            }
        }

        return new SentimentModel(weights, biases, temperature, charGrams, rules);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        Save(file);
    }

    /// <summary>Writes only the non-zero rows, delta-coded, Brotli-compressed.</summary>
    public void Save(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(SentimentFeaturizer.HashBits);
        writer.Write(ClassCount);
        writer.Write(CharGrams.MinLength);
        writer.Write(CharGrams.MaxLength);
        writer.Write(CharGrams.Weight);
        writer.Write(CharGrams.MarkNegation ? 1 : 0);
        writer.Write((int)Rules);
        writer.Write(Temperature);
        foreach (var b in _biases)
        {
            writer.Write(b);
        }

        var rows = Enumerable.Range(0, SentimentFeaturizer.HashSize).Where(RowIsNonZero).ToList();
        writer.Write(rows.Count);
        var previous = 0;
        foreach (var row in rows)
        {
            writer.Write(row - previous);
            previous = row;
            for (var c = 0; c < ClassCount; c++)
            {
                writer.Write(_weights[(row * ClassCount) + c]);
            }
        }
    }

    /// <summary>Number of features with a non-zero weight (model size).</summary>
    public int NonZeroFeatures => Enumerable.Range(0, SentimentFeaturizer.HashSize).Count(RowIsNonZero);

    public SentimentResult Score(string text) => Score(text.AsSpan());

    public SentimentResult Score(ReadOnlySpan<char> text)
    {
        var featurizer = Featurizer();
        var features = t_features ??= new FeatureVector();
        if (!featurizer.Featurize(text, features))
        {
            return SentimentResult.NeutralResult;
        }

        Span<float> logits = stackalloc float[ClassCount];
        Logits(features, logits);
        return Softmax(logits);
    }

    public void ScoreBatch(ReadOnlySpan<string> texts, Span<SentimentResult> results)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(results.Length, texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            results[i] = Score(texts[i] ?? string.Empty);
        }
    }

    public IReadOnlyList<(string Term, float Weight)> Explain(string text, int top)
    {
        var featurizer = Featurizer();
        var features = new FeatureVector { Names = [] };
        if (!featurizer.Featurize(text, features))
        {
            return [];
        }

        Span<float> logits = stackalloc float[ClassCount];
        Logits(features, logits);
        var label = (int)Softmax(logits).Label;

        // A term's push towards the label: its weight for the label minus its mean weight for the others.
        var pushes = new Dictionary<string, float>(StringComparer.Ordinal);
        var indices = features.Indices;
        var values = features.Values;
        for (var i = 0; i < features.Count; i++)
        {
            var row = indices[i] * ClassCount;
            var others = 0f;
            for (var c = 0; c < ClassCount; c++)
            {
                others += c == label ? 0f : _weights[row + c];
            }

            var push = values[i] * (_weights[row + label] - (others / (ClassCount - 1)));
            var name = WordOf(features.Names![i]);
            pushes[name] = pushes.GetValueOrDefault(name) + push;
        }

        return pushes.Where(p => p.Value > 0f)
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(top)
            .Select(p => (p.Key, p.Value))
            .ToList();
    }

    /// <summary>A character n-gram ("rude[&lt;ru]") counts towards its word in explanations.</summary>
    private static string WordOf(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 && name[^1] == ']' ? name[..bracket] : name;
    }

    /// <summary>Raw class scores before temperature and softmax (for training diagnostics).</summary>
    public void Logits(FeatureVector features, Span<float> logits)
    {
        var indices = features.Indices;
        var values = features.Values;

        // Masking keeps every row inside _weights (featurizer indices are already masked), so the
        // rows are read without bounds checks: three per feature, and most features are n-grams.
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        float negative = _biases[0], neutral = _biases[1], positive = _biases[2];
        for (var i = 0; i < indices.Length; i++)
        {
            ref var row = ref Unsafe.Add(ref weights, (nint)((uint)indices[i] & IndexMask) * ClassCount);
            var v = values[i];
            negative += row * v;
            neutral += Unsafe.Add(ref row, 1) * v;
            positive += Unsafe.Add(ref row, 2) * v;
        }

        logits[0] = negative;
        logits[1] = neutral;
        logits[2] = positive;
    }

    public SentimentResult Softmax(ReadOnlySpan<float> logits)
    {
        var max = MathF.Max(logits[0], MathF.Max(logits[1], logits[2]));
        var n = MathF.Exp((logits[0] - max) / Temperature);
        var u = MathF.Exp((logits[1] - max) / Temperature);
        var p = MathF.Exp((logits[2] - max) / Temperature);
        var sum = n + u + p;
        return new SentimentResult(n / sum, u / sum, p / sum);
    }

    /// <summary>This thread's featurizer, built for this model's n-gram settings.</summary>
    private SentimentFeaturizer Featurizer()
    {
        var featurizer = t_featurizer;
        if (featurizer is null || featurizer.CharGrams != CharGrams || featurizer.Rules != Rules)
        {
            t_featurizer = featurizer = new SentimentFeaturizer(charGrams: CharGrams, rules: Rules);
        }

        return featurizer;
    }

    private bool RowIsNonZero(int row)
    {
        var offset = row * ClassCount;
        return _weights[offset] != 0f || _weights[offset + 1] != 0f || _weights[offset + 2] != 0f;
    }

    private static SentimentModel LoadEmbedded()
    {
        using var stream = typeof(SentimentModel).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded model '{DefaultResourceName}' is missing; run `reputation train`.");
        return Load(stream);
    }
}
