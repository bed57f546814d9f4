using System.Collections.Concurrent;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// One instance of each topic id, and of each set of them, for every customer held in memory. Topic ids are few (the
/// configured topics), while each customer row read from storage brings its own copies, once per recent mention: shared,
/// they cost nothing per customer. Bounded, so an unexpected flood of distinct ids is kept as given rather than pooled.
/// </summary>
public static class TopicNamePool
{
    public const int MaxPooled = 10_000;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string[], string[]> Sets = new(TopicSetComparer.Instance);

    public static string Name(string topic)
    {
        if (Names.TryGetValue(topic, out var pooled))
        {
            return pooled;
        }

        return Names.Count >= MaxPooled ? topic : Names.GetOrAdd(topic, topic);
    }

    /// <summary>The same set with pooled instances (the set itself when empty).</summary>
    public static HashSet<string> Share(HashSet<string> topics)
    {
        if (topics.Count == 0)
        {
            return topics;
        }

        var pooled = new HashSet<string>(topics.Count, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            pooled.Add(Name(topic));
        }

        return pooled;
    }

    public static string[] Set(string[] topics)
    {
        if (topics.Length == 0)
        {
            return [];
        }

        if (Sets.TryGetValue(topics, out var pooled))
        {
            return pooled;
        }

        if (Sets.Count >= MaxPooled)
        {
            return topics;
        }

        var named = Array.ConvertAll(topics, Name);
        return Sets.GetOrAdd(named, named);
    }

    private sealed class TopicSetComparer : IEqualityComparer<string[]>
    {
        public static readonly TopicSetComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] topics)
        {
            var hash = new HashCode();
            foreach (var topic in topics)
            {
                hash.Add(topic, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
