namespace ReputationEngine.Analytics.Matching;

/// <summary>
/// Matches mention texts against every topic's rules in one pass over the text's tokens.
/// Immutable after construction and safe to share between threads; rebuild it when topics change.
/// </summary>
public sealed class TopicMatcher
{
    private readonly Dictionary<string, Phrase[]> _includeByFirstToken;
    private readonly Dictionary<string, Phrase[]> _excludeByFirstToken;
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _includeLookup;
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _excludeLookup;
    private readonly string[] _topicIds;

    public TopicMatcher(IEnumerable<TopicRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var include = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var exclude = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var ids = new List<string>();
        foreach (var rule in rules)
        {
            var topic = ids.Count;
            ids.Add(rule.TopicId);
            foreach (var keyword in rule.Keywords)
            {
                AddPhrase(include, TextTokenizer.Tokens(keyword), topic);
            }

            foreach (var hashtag in rule.Hashtags)
            {
                AddPhrase(include, [.. TextTokenizer.Tokens("#" + hashtag.TrimStart('#')).Take(1)], topic);
            }

            foreach (var handle in rule.Handles)
            {
                AddPhrase(include, [.. TextTokenizer.Tokens("@" + handle.TrimStart('@')).Take(1)], topic);
            }

            foreach (var phrase in rule.Exclude)
            {
                AddPhrase(exclude, TextTokenizer.Tokens(phrase), topic);
            }
        }

        _topicIds = [.. ids];
        _includeByFirstToken = include.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _excludeByFirstToken = exclude.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _includeLookup = _includeByFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
        _excludeLookup = _excludeByFirstToken.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int TopicCount => _topicIds.Length;

    /// <summary>The ids of the topics the text matches, in rule order; empty when none.</summary>
    public string[] Match(string text)
    {
        if (_topicIds.Length == 0 || string.IsNullOrEmpty(text))
        {
            return [];
        }

        var tokens = TextTokenizer.Tokens(text);
        ulong includedSmall = 0, excludedSmall = 0;
        HashSet<int>? includedLarge = null, excludedLarge = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            Mark(_includeLookup, tokens, i, token, ref includedSmall, ref includedLarge);
            Mark(_excludeLookup, tokens, i, token, ref excludedSmall, ref excludedLarge);

            // A keyword also matches the bare word of a hashtag or handle: "#Acme" mentions acme.
            if (token.Length > 1 && token[0] is '#' or '@')
            {
                Mark(_includeLookup, tokens, i, token.AsSpan(1), ref includedSmall, ref includedLarge);
                Mark(_excludeLookup, tokens, i, token.AsSpan(1), ref excludedSmall, ref excludedLarge);
            }
        }

        if (includedSmall == 0 && includedLarge is null)
        {
            return [];
        }

        var result = new List<string>(1);
        for (var topic = 0; topic < _topicIds.Length; topic++)
        {
            if (IsSet(topic, includedSmall, includedLarge) && !IsSet(topic, excludedSmall, excludedLarge))
            {
                result.Add(_topicIds[topic]);
            }
        }

        return [.. result];
    }

    private static void Mark(
        Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> lookup,
        List<string> tokens,
        int index,
        ReadOnlySpan<char> first,
        ref ulong small,
        ref HashSet<int>? large)
    {
        if (!lookup.TryGetValue(first, out var phrases))
        {
            return;
        }

        foreach (var phrase in phrases)
        {
            if (phrase.MatchesRest(tokens, index))
            {
                if (phrase.Topic < 64)
                {
                    small |= 1UL << phrase.Topic;
                }
                else
                {
                    (large ??= []).Add(phrase.Topic);
                }
            }
        }
    }

    private static bool IsSet(int topic, ulong small, HashSet<int>? large) =>
        topic < 64 ? (small & (1UL << topic)) != 0 : large?.Contains(topic) == true;

    private static void AddPhrase(Dictionary<string, List<Phrase>> map, List<string> tokens, int topic)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        if (!map.TryGetValue(tokens[0], out var list))
        {
            map[tokens[0]] = list = [];
        }

        list.Add(new Phrase(topic, [.. tokens.Skip(1)]));
    }

    /// <summary>A phrase indexed by its first token; <see cref="Rest"/> must follow it word for word.</summary>
    private sealed record Phrase(int Topic, string[] Rest)
    {
        public bool MatchesRest(List<string> tokens, int firstIndex)
        {
            if (firstIndex + Rest.Length >= tokens.Count + (Rest.Length == 0 ? 1 : 0))
            {
                return Rest.Length == 0;
            }

            for (var k = 0; k < Rest.Length; k++)
            {
                var token = tokens[firstIndex + 1 + k];
                var bare = token.Length > 1 && token[0] is '#' or '@' ? token.AsSpan(1) : token.AsSpan();
                if (!bare.SequenceEqual(Rest[k]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
