namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Sparse features of one text: hashed indices with values (duplicates allowed; a linear model
/// sums them) plus, during training only, the dense lexicon features. Reusable, not thread-safe.
/// </summary>
public sealed class FeatureVector
{
    private const int InitialCapacity = 128;

    private int[] _indices = new int[InitialCapacity];
    private float[] _values = new float[InitialCapacity];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>Lexicon features (<see cref="SentimentLexicon.FeatureCount"/>), zero when no lexicon is used.</summary>
    public float[] Lexicon { get; } = new float[SentimentLexicon.FeatureCount];

    /// <summary>Feature names in the order added, when the caller asked for them (explanations).</summary>
    public List<string>? Names { get; set; }

    public void Clear()
    {
        Count = 0;
        Array.Clear(Lexicon);
        Names?.Clear();
    }

    public void Add(int index, float value)
    {
        if (Count == _indices.Length)
        {
            Array.Resize(ref _indices, Count * 2);
            Array.Resize(ref _values, Count * 2);
        }

        _indices[Count] = index;
        _values[Count] = value;
        Count++;
    }
}
