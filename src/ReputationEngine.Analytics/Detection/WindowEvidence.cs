namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Counts of terms, authors and conversations in one event-time bucket, plus its most visible
/// mentions. Reused bucket after bucket (cleared, not reallocated); bounded by the constants.
/// </summary>
public sealed class WindowEvidence
{
    public const int MaxTerms = 2048;
    public const int MaxKeys = 1024;
    public const int MaxSamples = 6;

    private readonly Dictionary<string, int> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly Dictionary<string, (int Count, long Followers)> _authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _conversations = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Text, long Followers)> _samples = new(MaxSamples);

    public WindowEvidence()
    {
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyDictionary<string, int> Terms => _terms;

    public IReadOnlyDictionary<string, (int Count, long Followers)> Authors => _authors;

    public IReadOnlyDictionary<string, int> Conversations => _conversations;

    public IReadOnlyList<(string Id, string Text, long Followers)> Samples => _samples;

    public void Add(in MentionObservation m)
    {
        if (m.Terms is { } terms)
        {
            foreach (var term in terms)
            {
                AddTerm(term);
            }
        }
        else if (m.Text is { } text)
        {
            Span<char> buffer = stackalloc char[TermTokenizer.MaxTermLength];
            foreach (var term in new TermTokenizer(text, buffer))
            {
                AddTerm(term);
            }
        }

        if (_authors.TryGetValue(m.AuthorId, out var author))
        {
            _authors[m.AuthorId] = (author.Count + 1, m.AuthorFollowers);
        }
        else if (_authors.Count < MaxKeys)
        {
            _authors[m.AuthorId] = (1, m.AuthorFollowers);
        }

        if (_conversations.TryGetValue(m.ConversationId, out var count))
        {
            _conversations[m.ConversationId] = count + 1;
        }
        else if (_conversations.Count < MaxKeys)
        {
            _conversations[m.ConversationId] = 1;
        }

        AddSample(m);
    }

    public void Clear()
    {
        _terms.Clear();
        _authors.Clear();
        _conversations.Clear();
        _samples.Clear();
    }

    private void AddTerm(ReadOnlySpan<char> term)
    {
        if (_termLookup.TryGetValue(term, out var count))
        {
            _termLookup[term] = count + 1;
        }
        else if (_terms.Count < MaxTerms)
        {
            _termLookup[term] = 1;
        }
    }

    // Keeps the mentions with the widest audience; shares without own text are skipped.
    private void AddSample(in MentionObservation m)
    {
        if (string.IsNullOrEmpty(m.Text) || m.Kind == MentionKind.Share)
        {
            return;
        }

        if (_samples.Count < MaxSamples)
        {
            _samples.Add((m.Id, m.Text, m.AuthorFollowers));
            return;
        }

        var smallest = 0;
        for (var i = 1; i < _samples.Count; i++)
        {
            if (_samples[i].Followers < _samples[smallest].Followers)
            {
                smallest = i;
            }
        }

        if (m.AuthorFollowers > _samples[smallest].Followers)
        {
            _samples[smallest] = (m.Id, m.Text, m.AuthorFollowers);
        }
    }
}
