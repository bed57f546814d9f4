namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Each term's usual count per bucket (exponentially weighted), so evidence can name the terms
/// that rose. Bounded: beyond <see cref="MaxTerms"/> the rarest half is dropped.
/// </summary>
public sealed class TermBaseline
{
    public const int MaxTerms = 4096;

    /// <summary>Weight of the newest bucket (memory of about 1/α buckets).</summary>
    public const double Alpha = 0.02;

    /// <summary>Rates below this are forgotten.</summary>
    public const double MinRate = 1e-4;

    private readonly Dictionary<string, double> _rates = new(StringComparer.Ordinal);
    private readonly List<string> _scratch = [];

    public TermBaseline()
    {
    }

    public TermBaseline(string[] terms, double[] rates)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(rates);
        for (var i = 0; i < terms.Length; i++)
        {
            _rates[terms[i]] = rates[i];
        }
    }

    public double Rate(string term) => _rates.TryGetValue(term, out var rate) ? rate : 0;

    /// <summary>Folds one closed bucket's term counts in.</summary>
    public void Add(IReadOnlyDictionary<string, int> bucketTerms)
    {
        ArgumentNullException.ThrowIfNull(bucketTerms);
        _scratch.Clear();
        foreach (var (term, rate) in _rates)
        {
            var decayed = rate * (1 - Alpha);
            if (decayed < MinRate && !bucketTerms.ContainsKey(term))
            {
                _scratch.Add(term);
            }
        }

        foreach (var term in _scratch)
        {
            _rates.Remove(term);
        }

        foreach (var term in _rates.Keys.ToArray())
        {
            _rates[term] *= 1 - Alpha;
        }

        foreach (var (term, count) in bucketTerms)
        {
            _rates[term] = Rate(term) + (Alpha * count);
        }

        if (_rates.Count > MaxTerms)
        {
            var keep = _rates.OrderByDescending(p => p.Value).Take(MaxTerms / 2).ToArray();
            _rates.Clear();
            foreach (var (term, rate) in keep)
            {
                _rates[term] = rate;
            }
        }
    }

    public (string[] Terms, double[] Rates) ToState() => (_rates.Keys.ToArray(), _rates.Values.ToArray());
}
