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

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = Negators.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> IntensifierLookup = Intensifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DampenerLookup = Dampeners.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContrastLookup = Contrasts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"not", "never", and any contraction ending in n't ("isn't", "can't").</summary>
    public static bool IsNegator(ReadOnlySpan<char> word) =>
        NegatorLookup.Contains(word) || (word.Length > 3 && word.EndsWith("n't", StringComparison.Ordinal));

    public static bool IsIntensifier(ReadOnlySpan<char> word) => IntensifierLookup.Contains(word);

    public static bool IsDampener(ReadOnlySpan<char> word) => DampenerLookup.Contains(word);

    public static bool IsContrast(ReadOnlySpan<char> word) => ContrastLookup.Contains(word);
}
