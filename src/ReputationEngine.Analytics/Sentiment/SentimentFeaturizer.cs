using ReputationEngine.Analytics.Text;

namespace ReputationEngine.Analytics.Sentiment;

/// <summary>
/// Turns a text into hashed sparse features for the linear sentiment model: word unigrams
/// (marked inside a negation scope), word bigrams, character n-grams of words and hashtags
/// (<see cref="CharNGramOptions"/>), emoticons/emoji and social cues. Token
/// values carry emphasis: intensifiers, dampeners, ALL CAPS, elongations and the "but"
/// contrast scale the following word. The same code featurizes for training and for scoring,
/// so trained weights and scores agree exactly. One instance per thread.
/// </summary>
public sealed class SentimentFeaturizer
{
    public const int HashBits = 21;
    public const int HashSize = 1 << HashBits;
    private const int HashMask = HashSize - 1;

    /// <summary>Words after a negator that it flips, unless punctuation or "but" ends the scope first.</summary>
    public const int NegationScope = 3;

    // Emphasis multipliers, in the spirit of VADER's rules.
    public const float IntensifierBoost = 1.3f;
    public const float DampenerFactor = 0.7f;
    public const float CapsBoost = 1.5f;
    public const float ElongationBoost = 1.3f;
    public const float BeforeContrast = 0.5f;
    public const float AfterContrast = 1.5f;

    /// <summary>Caps on counted cues so one "!!!!!!!!!!" does not dominate.</summary>
    public const int MaxExclamations = 4;
    public const int MaxQuestions = 2;

    public const string NegatedPrefix = "NOT_";

    private const int InitialRoles = 64;

    private const uint UnigramSeed = 1;
    private const uint NegatedSeed = 2;
    private const uint BigramSeed = 3;
    private const uint CueSeed = 4;
    private const uint CharGramSeed = 5;
    private const uint NegatedCharGramSeed = 6;

    private static readonly int ExclamationIndex = CueIndex("<!>");
    private static readonly int QuestionIndex = CueIndex("<?>");
    private static readonly int CapsIndex = CueIndex("<caps>");
    private static readonly int ElongationIndex = CueIndex("<elongated>");
    private static readonly int HashtagIndex = CueIndex("<hashtag>");

    private readonly TokenBuffer _tokens = new();
    private WordRole[] _roles = new WordRole[InitialRoles];
    private readonly SentimentLexicon? _lexicon;
    private char[] _squeezed = new char[64];

    /// <param name="lexicon">Only while training: adds the lexicon features that are folded into the weights later.</param>
    /// <param name="charGrams">Character n-grams to add; null = <see cref="CharNGramOptions.Default"/> (the shipped model's).</param>
    public SentimentFeaturizer(SentimentLexicon? lexicon = null, CharNGramOptions? charGrams = null)
    {
        _lexicon = lexicon;
        CharGrams = charGrams ?? CharNGramOptions.Default;
    }

    public CharNGramOptions CharGrams { get; }

    /// <summary>Hashed index of a unigram feature: <paramref name="text"/> as the tokenizer normalizes it.</summary>
    public static int UnigramIndex(ReadOnlySpan<char> text, bool negated) =>
        (int)(FeatureHasher.Hash(text, negated ? NegatedSeed : UnigramSeed) & HashMask);

    /// <returns>False when the text has nothing to score (empty, only punctuation or unknown symbols).</returns>
    public bool Featurize(ReadOnlySpan<char> text, FeatureVector output)
    {
        output.Clear();
        SocialTokenizer.Tokenize(text, _tokens);
        var tokens = _tokens.Tokens;

        if (_roles.Length < tokens.Length)
        {
            _roles = new WordRole[tokens.Length];
        }

        var content = 0;
        var words = 0;
        var capsWords = 0;
        var contrastAt = -1;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            _roles[t] = WordRole.None;
            if (token.Kind == TokenKind.Punctuation)
            {
                continue;
            }

            content++;
            if (token.Kind == TokenKind.Word)
            {
                words++;
                capsWords += (token.Flags & TokenFlags.AllCaps) != 0 ? 1 : 0;
                _roles[t] = SentimentWords.RoleOf(_tokens.TextOf(token));
                if (contrastAt < 0 && _roles[t] == WordRole.Contrast)
                {
                    contrastAt = t;
                }
            }
        }

        if (content == 0)
        {
            return false;
        }

        // Length-normalize so long reviews and one-word posts land on the same scale.
        var scale = 1f / MathF.Sqrt(content);

        // Capitals are emphasis only when the rest of the text is not shouting too.
        var capsAreEmphasis = capsWords < words;

        var negationLeft = 0;
        var boost = 1f;
        var previousHash = 0u;
        var previousIndex = -1;
        var exclamations = 0;
        var questions = 0;
        var caps = 0;
        var elongations = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            var tokenText = _tokens.TextOf(token);
            if (token.Kind == TokenKind.Punctuation)
            {
                exclamations += tokenText[0] == '!' ? 1 : 0;
                questions += tokenText[0] == '?' ? 1 : 0;
                negationLeft = 0;
                boost = 1f;
                previousIndex = -1;
                continue;
            }

            var value = scale * (contrastAt < 0 ? 1f : t < contrastAt ? BeforeContrast : t > contrastAt ? AfterContrast : 1f);
            var isWord = token.Kind is TokenKind.Word or TokenKind.Hashtag;
            var negated = false;
            if (isWord)
            {
                // "but" closes a negation scope rather than being negated itself.
                if (_roles[t] == WordRole.Contrast)
                {
                    negationLeft = 0;
                }

                value *= boost;
                if (capsAreEmphasis && (token.Flags & TokenFlags.AllCaps) != 0)
                {
                    value *= CapsBoost;
                    caps++;
                }

                if ((token.Flags & TokenFlags.Elongated) != 0)
                {
                    value *= ElongationBoost;
                    elongations++;
                }

                negated = negationLeft > 0;
                if (token.Kind == TokenKind.Hashtag)
                {
                    AddCue(output, HashtagIndex, scale, "<hashtag>");
                }
            }

            AddUnigram(output, tokenText, negated, value, (token.Flags & TokenFlags.Elongated) != 0);
            if (isWord)
            {
                AddCharGrams(output, tokenText, negated, value);
            }

            var hash = FeatureHasher.Hash(tokenText, UnigramSeed);
            if (previousIndex >= 0)
            {
                var bigram = (int)(FeatureHasher.Combine(previousHash, hash, BigramSeed) & HashMask);
                output.Add(bigram, scale);
                output.Names?.Add(string.Concat(new string(_tokens.TextOf(tokens[previousIndex])), " ", tokenText));
            }

            previousHash = hash;
            previousIndex = t;

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var role = _roles[t];
            if (role == WordRole.Contrast)
            {
                negationLeft = 0;
            }
            else if (role == WordRole.Negator)
            {
                negationLeft = NegationScope;
            }
            else if (negationLeft > 0)
            {
                negationLeft--;
            }

            boost = role switch
            {
                WordRole.Intensifier => boost * IntensifierBoost,
                WordRole.Dampener => boost * DampenerFactor,
                _ => 1f,
            };
        }

        AddCue(output, ExclamationIndex, scale * Math.Min(exclamations, MaxExclamations), "<!>");
        AddCue(output, QuestionIndex, scale * Math.Min(questions, MaxQuestions), "<?>");
        AddCue(output, CapsIndex, scale * caps, "<caps>");
        AddCue(output, ElongationIndex, scale * elongations, "<elongated>");
        return true;
    }

    private void AddUnigram(FeatureVector output, ReadOnlySpan<char> text, bool negated, float value, bool elongated)
    {
        if (!elongated)
        {
            AddUnigram(output, text, negated, value);
            return;
        }

        // "sooo" was kept as "soo"; also try the single-letter reading "so", half weight each.
        var squeezed = Squeeze(text);
        AddUnigram(output, text, negated, value / 2);
        AddUnigram(output, squeezed, negated, value / 2);
    }

    private void AddUnigram(FeatureVector output, ReadOnlySpan<char> text, bool negated, float value)
    {
        output.Add(UnigramIndex(text, negated), value);
        _lexicon?.Accumulate(text, negated, value, output.Lexicon);
        output.Names?.Add(negated ? string.Concat(NegatedPrefix, text) : new string(text));
    }

    /// <summary>
    /// Character n-grams of one normalized word (lower-cased, elongations already cut to two
    /// letters), framed as "&lt;word&gt;". Hashed incrementally from each start: no string per n-gram.
    /// </summary>
    private void AddCharGrams(FeatureVector output, ReadOnlySpan<char> word, bool negated, float value)
    {
        var options = CharGrams;
        var count = options.CountFor(word.Length);
        if (count == 0)
        {
            return;
        }

        var gramValue = value * options.Weight / MathF.Sqrt(count);
        output.Reserve(count);
        negated &= options.MarkNegation;
        var seed = negated ? NegatedCharGramSeed : CharGramSeed;
        var framed = word.Length + 2;
        var min = options.MinLength;
        var max = options.MaxLength;
        for (var start = 0; start < framed; start++)
        {
            var state = FeatureHasher.Start(seed);
            var end = Math.Min(framed, start + max);
            for (var at = start; at < end; at++)
            {
                var c = at == 0 ? CharNGramOptions.StartMarker : at == framed - 1 ? CharNGramOptions.EndMarker : word[at - 1];
                state = FeatureHasher.Step(state, c);
                var length = at - start + 1;
                if (length >= min && length < framed)
                {
                    output.AddReserved((int)(FeatureHasher.Finish(state) & HashMask), gramValue);
                    output.Names?.Add(CharGramName(word, negated, start, length));
                }
            }
        }
    }

    /// <summary>Explanation name of an n-gram: "word[gram]" ("NOT_word[gram]" in a marked negation scope).</summary>
    private static string CharGramName(ReadOnlySpan<char> word, bool negated, int start, int length)
    {
        var framed = string.Concat(CharNGramOptions.StartMarker.ToString(), word, CharNGramOptions.EndMarker.ToString());
        return $"{(negated ? NegatedPrefix : string.Empty)}{word}[{framed.AsSpan(start, length)}]";
    }

    /// <summary>The n-grams a normalized word yields (for tests and diagnostics; allocates).</summary>
    public static IReadOnlyList<string> CharGramsOf(string word, CharNGramOptions options)
    {
        var grams = new List<string>(options.CountFor(word.Length));
        if (grams.Capacity == 0)
        {
            return grams;
        }

        var framed = string.Concat(CharNGramOptions.StartMarker.ToString(), word, CharNGramOptions.EndMarker.ToString());
        for (var start = 0; start < framed.Length; start++)
        {
            for (var length = options.MinLength; length <= options.MaxLength && start + length <= framed.Length; length++)
            {
                if (length < framed.Length)
                {
                    grams.Add(framed.Substring(start, length));
                }
            }
        }

        return grams;
    }

    private ReadOnlySpan<char> Squeeze(ReadOnlySpan<char> text)
    {
        if (_squeezed.Length < text.Length)
        {
            _squeezed = new char[text.Length];
        }

        var n = 0;
        foreach (var c in text)
        {
            if (n == 0 || _squeezed[n - 1] != c || !char.IsLetter(c))
            {
                _squeezed[n++] = c;
            }
        }

        return _squeezed.AsSpan(0, n);
    }

    private static void AddCue(FeatureVector output, int index, float value, string name)
    {
        if (value == 0f)
        {
            return;
        }

        output.Add(index, value);
        output.Names?.Add(name);
    }

    private static int CueIndex(string name) => (int)(FeatureHasher.Hash(name, CueSeed) & HashMask);
}
