using System.Collections.Frozen;
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
    private static readonly int InterrobangIndex = CueIndex("<?!>");
    private static readonly int RepeatedQuestionIndex = CueIndex("<??>");

    // Praise words people use with an explicit sarcasm marker ("great service 🙄"): read as negated then.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SarcasticPraise = FrozenSet.Create(StringComparer.Ordinal,
        "great", "good", "thanks", "thank", "love", "loving", "lovely", "perfect", "amazing", "awesome", "nice", "wonderful",
        "brilliant", "fantastic", "best", "cool", "genius", "excellent", "superb", "impressive", "helpful", "glad", "fun",
        "outstanding", "incredible", "important", "fabulous", "terrific", "stellar", "smooth", "efficient", "quick", "fast",
        "yeah", "sure", "right", "wow", "congrats", "congratulations")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    // Comparatives that "never been" / "couldn't be" turn into a superlative, not a negation.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Comparatives = FrozenSet.Create(StringComparer.Ordinal,
        "better", "happier", "worse", "more", "easier", "smoother", "nicer", "faster", "cheaper", "prouder", "less")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly TokenBuffer _tokens = new();
    private WordRole[] _roles = new WordRole[InitialRoles];

    // Per token, set by the idiom rules: the text read instead (null = its own) and a value factor (0 = consumed).
    private string?[] _replacement = new string?[InitialRoles];
    private float[] _factor = new float[InitialRoles];
    private readonly SentimentLexicon? _lexicon;
    private char[] _squeezed = new char[64];

    /// <param name="lexicon">Only while training: adds the lexicon features that are folded into the weights later.</param>
    /// <param name="charGrams">Character n-grams to add; null = <see cref="CharNGramOptions.Default"/> (the shipped model's).</param>
    /// <param name="rules">Social-text rules; null = <see cref="SocialRules.Default"/> (the shipped model's).</param>
    public SentimentFeaturizer(SentimentLexicon? lexicon = null, CharNGramOptions? charGrams = null, SocialRules? rules = null)
    {
        _lexicon = lexicon;
        CharGrams = charGrams ?? CharNGramOptions.Default;
        Rules = rules ?? SocialRules.Default;
    }

    public CharNGramOptions CharGrams { get; }

    public SocialRules Rules { get; }

    /// <summary>Hashed index of a unigram feature: <paramref name="text"/> as the tokenizer normalizes it.</summary>
    public static int UnigramIndex(ReadOnlySpan<char> text, bool negated) =>
        (int)(FeatureHasher.Hash(text, negated ? NegatedSeed : UnigramSeed) & HashMask);

    /// <returns>False when the text has nothing to score (empty, only punctuation or unknown symbols).</returns>
    public bool Featurize(ReadOnlySpan<char> text, FeatureVector output)
    {
        output.Clear();
        SocialTokenizer.Tokenize(text, _tokens, (Rules & SocialRules.Emoji) != 0, (Rules & SocialRules.Sarcasm) != 0, (Rules & SocialRules.Ratings) != 0);
        var tokens = _tokens.Tokens;

        if (_roles.Length < tokens.Length)
        {
            _roles = new WordRole[tokens.Length];
            _replacement = new string?[tokens.Length];
            _factor = new float[tokens.Length];
        }

        var content = 0;
        var words = 0;
        var capsWords = 0;
        var contrastAt = -1;
        for (var t = 0; t < tokens.Length; t++)
        {
            var token = tokens[t];
            _roles[t] = WordRole.None;
            _replacement[t] = null;
            _factor[t] = 1f;
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

        if ((Rules & (SocialRules.Idioms | SocialRules.Emoji)) != 0)
        {
            content -= ApplyIdioms(tokens);
        }

        if (content == 0)
        {
            return false;
        }

        var sarcastic = (Rules & SocialRules.Sarcasm) != 0 && IsSarcastic(tokens);
        var punctuationCues = (Rules & SocialRules.Punctuation) != 0;
        var previousPunctuation = '\0';
        var interrobangs = 0;
        var repeatedQuestions = 0;

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
            if (_factor[t] == 0f)
            {
                continue; // consumed by an idiom
            }

            var tokenText = TextAt(t);
            if (token.Kind == TokenKind.Punctuation)
            {
                exclamations += tokenText[0] == '!' ? 1 : 0;
                questions += tokenText[0] == '?' ? 1 : 0;
                if (punctuationCues)
                {
                    interrobangs += (tokenText[0], previousPunctuation) is ('?', '!') or ('!', '?') ? 1 : 0;
                    repeatedQuestions += (tokenText[0], previousPunctuation) is ('?', '?') ? 1 : 0;
                    previousPunctuation = tokenText[0];
                }

                negationLeft = 0;
                boost = 1f;
                previousIndex = -1;
                continue;
            }

            previousPunctuation = '\0';
            var value = scale * _factor[t] * (contrastAt < 0 ? 1f : t < contrastAt ? BeforeContrast : t > contrastAt ? AfterContrast : 1f);
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

                negated = negationLeft > 0 || (sarcastic && SarcasticPraise.Contains(tokenText));
                if (token.Kind == TokenKind.Hashtag)
                {
                    AddCue(output, HashtagIndex, scale, "<hashtag>");
                }
            }

            AddUnigram(output, tokenText, negated, value, (token.Flags & TokenFlags.Elongated) != 0 && _replacement[t] is null);
            if (isWord)
            {
                AddCharGrams(output, tokenText, negated, value);
            }

            var hash = FeatureHasher.Hash(tokenText, UnigramSeed);
            if (previousIndex >= 0)
            {
                var bigram = (int)(FeatureHasher.Combine(previousHash, hash, BigramSeed) & HashMask);
                output.Add(bigram, scale);
                output.Names?.Add(string.Concat(new string(TextAt(previousIndex)), " ", tokenText));
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
        AddCue(output, InterrobangIndex, scale * Math.Min(interrobangs, MaxQuestions), "<?!>");
        AddCue(output, RepeatedQuestionIndex, scale * Math.Min(repeatedQuestions, MaxQuestions), "<??>");
        return true;
    }

    private ReadOnlySpan<char> TextAt(int t) => _replacement[t] is { } replacement ? replacement : _tokens.TextOf(_tokens.Tokens[t]);

    /// <summary>The word at <paramref name="t"/>, or empty when it is not a word (or out of range).</summary>
    private ReadOnlySpan<char> WordAt(ReadOnlySpan<Token> tokens, int t) =>
        t >= 0 && t < tokens.Length && tokens[t].Kind == TokenKind.Word ? _tokens.TextOf(tokens[t]) : default;

    /// <summary>Applies the idiom and laughter rules to the roles, replacements and factors; returns the tokens consumed.</summary>
    private int ApplyIdioms(ReadOnlySpan<Token> tokens)
    {
        var idioms = (Rules & SocialRules.Idioms) != 0;
        var laughter = (Rules & SocialRules.Emoji) != 0;
        var consumed = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind != TokenKind.Word || _factor[t] == 0f)
            {
                continue;
            }

            var word = _tokens.TextOf(tokens[t]);
            if (laughter && Laughter(word) is { } canonical)
            {
                _replacement[t] = canonical;
            }
            else if (idioms && _roles[t] == WordRole.Negator)
            {
                consumed += NegationIdiom(tokens, t, word);
            }
            else if (idioms && word is "least")
            {
                // VADER's rule: "the least helpful" negates, "at least" / "very least" does not.
                _roles[t] = WordAt(tokens, t - 1) is "at" or "very" ? WordRole.None : WordRole.Negator;
            }
        }

        return consumed;
    }

    /// <summary>A negator that starts an idiom rather than a negation; returns the tokens consumed.</summary>
    private int NegationIdiom(ReadOnlySpan<Token> tokens, int t, ReadOnlySpan<char> word)
    {
        var next = WordAt(tokens, t + 1);
        var modal = word is "can't" or "cant" or "cannot" or "couldn't" or "couldnt"
            || (word is "not" && WordAt(tokens, t - 1) is "can" or "could");
        // "can't wait any longer" / "can't wait forever" is impatience, not eagerness.
        if (modal && next is "wait" && WordAt(tokens, t + 2) is not ("any" or "anymore" or "forever" or "much" or "around"))
        {
            return Replace(t, "excited", 1);
        }

        if ((modal && next is "complain") || (word is "no" && next is "complaints" or "complaint"))
        {
            return Replace(t, "satisfied", 1);
        }

        if (word is "no" or "without")
        {
            if (next is "doubt")
            {
                return Replace(t, "definitely", 1);
            }

            if (next is "a" && WordAt(tokens, t + 2) is "doubt")
            {
                return Replace(t, "definitely", 2);
            }
        }

        if (word is "not" && next is "only" or "just")
        {
            _roles[t] = WordRole.None;
            return 0;
        }

        // "never let me down", "won't let you down".
        if (next is "let" && WordAt(tokens, t + 3) is "down")
        {
            return Replace(t, "reliable", 3);
        }

        // "can't believe how good": surprise, the words after keep their own sign.
        if (modal && next is "believe")
        {
            _roles[t] = WordRole.None;
            return 0;
        }

        if (word is "not" && (next is "gonna" ? WordAt(tokens, t + 2) is "lie" : next is "going" && WordAt(tokens, t + 2) is "to" && WordAt(tokens, t + 3) is "lie"))
        {
            var end = next is "gonna" ? t + 2 : t + 3;
            for (var i = t; i <= end; i++)
            {
                _factor[i] = 0f;
            }

            return end - t + 1;
        }

        // "never been better", "couldn't be happier", "could not have been worse": a superlative.
        if (modal || word is "never" or "wouldn't" or "wouldnt")
        {
            var i = t + 1;
            if (WordAt(tokens, i) is "have")
            {
                i++;
            }

            if (WordAt(tokens, i) is "be" or "been" && Comparatives.Contains(WordAt(tokens, i + 1)))
            {
                i++;
                for (var d = t; d < i; d++)
                {
                    _factor[d] = 0f;
                }

                // "more"/"less" already boost or damp the word after them.
                if (WordAt(tokens, i) is not ("more" or "less"))
                {
                    _factor[i] = IntensifierBoost;
                }

                return i - t;
            }
        }

        return 0;
    }

    /// <summary>Reads the negator at <paramref name="t"/> as <paramref name="text"/> and consumes the next <paramref name="count"/> tokens.</summary>
    private int Replace(int t, string text, int count)
    {
        _replacement[t] = text;
        _roles[t] = WordRole.None;
        for (var i = 1; i <= count; i++)
        {
            _factor[t + i] = 0f;
        }

        return count;
    }

    /// <summary>Laughter spellings folded to one form: "hahaha", "hehe" → "haha"; "lolol" → "lol"; "lmaooo", "lmfao" → "lmao".</summary>
    private static string? Laughter(ReadOnlySpan<char> word)
    {
        if (word.Length < 4)
        {
            return null;
        }

        if ((word.StartsWith("lmao") || word.StartsWith("lmfao")) && word.TrimEnd('o').Length is 3 or 4)
        {
            return word is "lmao" ? null : "lmao";
        }

        if (word[0] == 'l' && word[^1] == 'l' && word.IndexOfAnyExcept('l', 'o') < 0 && !word.Contains("ll", StringComparison.Ordinal))
        {
            return "lol";
        }

        if (word.IndexOfAnyExcept('h', 'a', 'e') < 0 && word.Count('h') >= 2 && !word.Contains("hh", StringComparison.Ordinal))
        {
            return word is "haha" ? null : "haha";
        }

        return null;
    }

    /// <summary>An explicit sarcasm marker: 🙄, 🙃, "/s" (flagged by the tokenizer) or "yeah right" ending a clause.</summary>
    private bool IsSarcastic(ReadOnlySpan<Token> tokens)
    {
        for (var t = 0; t < tokens.Length; t++)
        {
            if ((tokens[t].Flags & TokenFlags.Sarcasm) != 0)
            {
                return true;
            }

            if (WordAt(tokens, t) is "yeah" or "yea" or "ya" && WordAt(tokens, t + 1) is "right" && WordAt(tokens, t + 2).IsEmpty)
            {
                return true;
            }
        }

        return false;
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
