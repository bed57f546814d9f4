namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Evidence over the current and the previous bucket (so an alert early in a bucket still has
/// context), for all mentions and for negative ones, against the term baseline.
/// </summary>
public sealed class EvidenceCollector
{
    public const int TopTerms = 8;
    public const int TopKeys = 5;
    public const int SampleCount = 3;

    /// <summary>A term must appear this often in the window to be named.</summary>
    public const int MinTermCount = 2;

    /// <summary>A conversation must have this many mentions in the window to be named.</summary>
    public const int MinConversationMentions = 2;

    private WindowEvidence _current = new();
    private WindowEvidence _previous = new();
    private WindowEvidence _currentNegative = new();
    private WindowEvidence _previousNegative = new();

    public EvidenceCollector(TermBaseline baseline)
    {
        Baseline = baseline;
    }

    public TermBaseline Baseline { get; }

    public void Add(in MentionObservation m)
    {
        _current.Add(m);
        if (m.IsNegative)
        {
            _currentNegative.Add(m);
        }
    }

    /// <summary>Closes the current bucket: its terms teach the baseline (unless it already learned them), and it becomes the previous one.</summary>
    public void Rotate(bool learn = true)
    {
        if (learn)
        {
            Baseline.Add(_current.Terms);
        }

        (_previous, _current) = (_current, _previous);
        (_previousNegative, _currentNegative) = (_currentNegative, _previousNegative);
        _current.Clear();
        _currentNegative.Clear();
    }

    /// <summary>Evidence for all mentions (<paramref name="negativeOnly"/> false) or for negative ones.</summary>
    public AlertEvidence Build(bool negativeOnly)
    {
        var current = negativeOnly ? _currentNegative : _current;
        var previous = negativeOnly ? _previousNegative : _previous;
        return new AlertEvidence(RisingTerms(current, previous), TopConversations(current, previous), TopAuthors(current, previous), Samples(current, previous));
    }

    private List<TermRise> RisingTerms(WindowEvidence current, WindowEvidence previous)
    {
        var merged = Merge(current.Terms, previous.Terms);
        // Two buckets of window: the baseline rate per bucket times two is what is normal.
        return merged
            .Where(p => p.Value >= MinTermCount)
            .Select(p => (p.Key, p.Value, Expected: 2 * Baseline.Rate(p.Key)))
            .Where(t => t.Value > t.Expected)
            .OrderByDescending(t => (t.Value - t.Expected) / Math.Sqrt(t.Expected + 1))
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(TopTerms)
            .Select(t => new TermRise(t.Key, t.Value, Math.Round(t.Expected, 2)))
            .ToList();
    }

    // A lone post is its own conversation; only threads with several mentions explain a spike.
    private static List<EvidenceCount> TopConversations(WindowEvidence current, WindowEvidence previous) =>
        Merge(current.Conversations, previous.Conversations)
            .Where(p => p.Value >= MinConversationMentions)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(TopKeys)
            .Select(p => new EvidenceCount(p.Key, p.Value, 0))
            .ToList();

    private static List<EvidenceCount> TopAuthors(WindowEvidence current, WindowEvidence previous)
    {
        var merged = new Dictionary<string, (int Count, long Followers)>(current.Authors, StringComparer.Ordinal);
        foreach (var (id, a) in previous.Authors)
        {
            merged[id] = merged.TryGetValue(id, out var b) ? (a.Count + b.Count, Math.Max(a.Followers, b.Followers)) : a;
        }

        // Authors drive a signal by how much they post and how far they are heard.
        return merged
            .OrderByDescending(p => p.Value.Count * Math.Log10(10 + p.Value.Followers)).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(TopKeys)
            .Select(p => new EvidenceCount(p.Key, p.Value.Count, p.Value.Followers))
            .ToList();
    }

    private static List<EvidenceSample> Samples(WindowEvidence current, WindowEvidence previous) =>
        current.Samples.Concat(previous.Samples)
            .OrderByDescending(s => s.Followers).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(SampleCount)
            .Select(s => new EvidenceSample(s.Id, s.Text))
            .ToList();

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> a, IReadOnlyDictionary<string, int> b)
    {
        var merged = new Dictionary<string, int>(a, StringComparer.Ordinal);
        foreach (var (key, count) in b)
        {
            merged[key] = merged.GetValueOrDefault(key) + count;
        }

        return merged;
    }
}
