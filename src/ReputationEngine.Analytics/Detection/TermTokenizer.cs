using System.Collections.Frozen;

namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// Splits text into lower-case terms (letters, digits, apostrophes; a leading # or @ is kept)
/// without allocating: each term is written into a caller-provided buffer.
/// </summary>
public ref struct TermTokenizer
{
    public const int MinTermLength = 3;
    public const int MaxTermLength = 32;

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "the", "and", "for", "you", "your", "are", "was", "were", "this", "that", "with", "have", "has", "had",
        "not", "but", "they", "them", "their", "from", "all", "any", "can", "just", "what", "when", "who", "why",
        "how", "our", "out", "its", "it's", "i'm", "don't", "about", "been", "will", "would", "there", "then",
        "than", "into", "more", "some", "very", "get", "got", "one", "also", "too", "http", "https", "www", "com");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;
    private int _length;

    /// <param name="text">Text to split.</param>
    /// <param name="buffer">At least <see cref="MaxTermLength"/> chars.</param>
    public TermTokenizer(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer;
    }

    public readonly ReadOnlySpan<char> Current => _buffer[.._length];

    public readonly TermTokenizer GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_position < _text.Length)
        {
            while (_position < _text.Length && !IsTermStart(_text[_position]))
            {
                _position++;
            }

            var start = _position;
            _position++;
            while (_position < _text.Length && IsTermChar(_text[_position]))
            {
                _position++;
            }

            var length = _position - start;
            if (start >= _text.Length || length < MinTermLength || length > MaxTermLength)
            {
                continue;
            }

            _length = _text.Slice(start, length).ToLowerInvariant(_buffer);
            if (!StopLookup.Contains(Current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTermStart(char c) => char.IsLetterOrDigit(c) || c is '#' or '@';

    private static bool IsTermChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '_';
}
