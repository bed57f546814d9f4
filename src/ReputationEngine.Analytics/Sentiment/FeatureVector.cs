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

    /// <summary>Makes room for <paramref name="more"/> features, so a run of <see cref="AddReserved"/> needs no growth check.</summary>
    public void Reserve(int more)
    {
        var needed = Count + more;
        if (needed > _indices.Length)
        {
            var size = Math.Max(needed, _indices.Length * 2);
            Array.Resize(ref _indices, size);
            Array.Resize(ref _values, size);
        }
    }

    /// <summary>Adds a feature into room made by <see cref="Reserve"/>.</summary>
    public void AddReserved(int index, float value)
    {
        _indices[Count] = index;
        _values[Count] = value;
        Count++;
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
