namespace ReputationEngine.Analytics.Text;

/// <summary>
/// Reusable output of <see cref="SocialTokenizer"/>: normalized token text lives in one char
/// buffer so tokenizing allocates nothing once the buffers have grown. Not thread-safe.
/// </summary>
public sealed class TokenBuffer
{
    private const int InitialTokens = 64;
    private const int InitialChars = 512;

    private Token[] _tokens = new Token[InitialTokens];
    private char[] _chars = new char[InitialChars];

    public int Count { get; private set; }

    public int CharCount { get; private set; }

    public ReadOnlySpan<Token> Tokens => _tokens.AsSpan(0, Count);

    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, CharCount);

    public ReadOnlySpan<char> TextOf(in Token token) => _chars.AsSpan(token.Start, token.Length);

    public string StringOf(in Token token) => new(TextOf(token));

    public void Clear()
    {
        Count = 0;
        CharCount = 0;
    }

    /// <summary>Starts a token whose text is appended with <c>Append</c> and closed with <see cref="End"/>.</summary>
    public int Begin() => CharCount;

    public void Append(char c)
    {
        if (CharCount == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[CharCount++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            Append(c);
        }
    }

    /// <summary>The text appended since <paramref name="start"/>, for in-place checks before <see cref="End"/>.</summary>
    public Span<char> Pending(int start) => _chars.AsSpan(start, CharCount - start);

    public void Truncate(int charCount) => CharCount = charCount;

    public void End(int start, TokenKind kind, TokenFlags flags)
    {
        if (CharCount == start)
        {
            return;
        }

        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[Count++] = new Token(start, CharCount - start, kind, flags);
    }

    public void Add(ReadOnlySpan<char> text, TokenKind kind, TokenFlags flags = TokenFlags.None)
    {
        var start = Begin();
        Append(text);
        End(start, kind, flags);
    }
}
