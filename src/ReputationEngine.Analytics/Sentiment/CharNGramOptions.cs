namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Character n-grams of word and hashtag tokens (see <see cref="SentimentFeaturizer"/>): lengths
/// <see cref="MinLength"/>..<see cref="MaxLength"/> over the normalized token text framed by a
/// start and an end marker, hashed into the same feature space as the words. Stored in the model
/// file, so a model is always scored with the n-grams it was trained with.
/// </summary>
/// <param name="MinLength">Shortest n-gram (chars, the markers count).</param>
/// <param name="MaxLength">Longest n-gram.</param>
/// <param name="Weight">
/// Total weight of one word's n-grams relative to its unigram: each n-gram gets the word's value
/// × <paramref name="Weight"/> / √(number of n-grams of the word), so long words do not outweigh short ones.
/// </param>
/// <param name="MarkNegation">Inside a negation scope, hash the n-grams as separate (negated) features, like <c>NOT_word</c>.</param>
public readonly record struct CharNGramOptions(int MinLength, int MaxLength, float Weight, bool MarkNegation)
{
    /// <summary>Marks framing a word, so prefixes and suffixes ("&lt;un", "ful&gt;") are their own n-grams.</summary>
    public const char StartMarker = '<';
    public const char EndMarker = '>';

    /// <summary>No character n-grams (the featurizer of model format 1).</summary>
    public static CharNGramOptions None => new(0, 0, 0f, false);

    /// <summary>What the shipped model was trained with.</summary>
    public static CharNGramOptions Default => new(3, 5, 0.5f, true);

    public bool Enabled => Weight > 0f && MinLength > 0 && MaxLength >= MinLength;

    /// <summary>
    /// How many n-grams a token of <paramref name="length"/> chars yields: every window of
    /// MinLength..MaxLength chars over the framed text, except the whole framed word (that is the unigram).
    /// </summary>
    public int CountFor(int length)
    {
        if (!Enabled || length == 0)
        {
            return 0;
        }

        var framed = length + 2;
        var count = 0;
        for (var n = MinLength; n <= MaxLength && n <= framed; n++)
        {
            count += framed - n + 1;
        }

        return framed >= MinLength && framed <= MaxLength ? count - 1 : count;
    }
}
