using System.Collections.Frozen;

namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Closed-class words that change the sentiment of their neighbours: negators, intensifiers,
/// dampeners and contrast markers. Small hand-written lists; the weights come from training.
/// </summary>
public static class SentimentWords
{
    public static readonly FrozenSet<string> Negators = FrozenSet.Create(StringComparer.Ordinal,
        "not", "no", "never", "n't", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without", "cannot",
        "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "shouldnt", "couldnt",
        "havent", "hasnt", "hadnt", "aint", "nope", "hardly", "barely", "rarely", "seldom", "lack", "lacks", "lacking");

    public static readonly FrozenSet<string> Intensifiers = FrozenSet.Create(StringComparer.Ordinal,
        "very", "really", "so", "soo", "extremely", "totally", "absolutely", "completely", "incredibly", "super", "too",
        "most", "more", "highly", "hugely", "utterly", "truly", "especially", "exceptionally", "remarkably", "seriously",
        "insanely", "ridiculously", "amazingly", "awfully", "terribly", "damn", "fucking", "freaking", "sooo", "such",
        "entirely", "fully", "purely", "deeply", "majorly", "way", "thoroughly", "tremendously", "quite");

    public static readonly FrozenSet<string> Dampeners = FrozenSet.Create(StringComparer.Ordinal,
        "somewhat", "slightly", "kinda", "kindof", "sorta", "sortof", "bit", "little", "marginally", "partly",
        "fairly", "moderately", "occasionally", "almost", "mostly", "less", "least", "pretty", "rather", "relatively");

    public static readonly FrozenSet<string> Contrasts = FrozenSet.Create(StringComparer.Ordinal, "but", "however");

    // One lookup per token instead of one per list: this runs for every word scored.
    private static readonly FrozenDictionary<string, WordRole> Roles = BuildRoles();
    private static readonly FrozenDictionary<string, WordRole>.AlternateLookup<ReadOnlySpan<char>> RoleLookup = Roles.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word's role; any contraction ending in n't ("isn't", "can't") is a negator.</summary>
    public static WordRole RoleOf(ReadOnlySpan<char> word) =>
        RoleLookup.TryGetValue(word, out var role) ? role
        : word.Length > 3 && word.EndsWith("n't", StringComparison.Ordinal) ? WordRole.Negator
        : WordRole.None;

    public static bool IsNegator(ReadOnlySpan<char> word) => RoleOf(word) == WordRole.Negator;

    public static bool IsIntensifier(ReadOnlySpan<char> word) => RoleOf(word) == WordRole.Intensifier;

    public static bool IsDampener(ReadOnlySpan<char> word) => RoleOf(word) == WordRole.Dampener;

    public static bool IsContrast(ReadOnlySpan<char> word) => RoleOf(word) == WordRole.Contrast;

    private static FrozenDictionary<string, WordRole> BuildRoles()
    {
        var roles = new Dictionary<string, WordRole>(StringComparer.Ordinal);
        foreach (var (words, role) in new[] { (Dampeners, WordRole.Dampener), (Intensifiers, WordRole.Intensifier), (Negators, WordRole.Negator), (Contrasts, WordRole.Contrast) })
        {
            foreach (var word in words)
            {
                roles[word] = role;
            }
        }

        return roles.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
