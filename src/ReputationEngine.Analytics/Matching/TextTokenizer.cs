using System.Globalization;

namespace ReputationEngine.Analytics.Matching;

/// <summary>
/// Splits text into lower-case word tokens at word boundaries. A token is a run of letters, digits,
/// apostrophes or underscores, kept with a leading '#' or '@' when it has one ("#acme", "@acme").
/// Tokens are written into a caller buffer, so matching allocates nothing.
/// </summary>
public static class TextTokenizer
{
    /// <summary>Calls <paramref name="onToken"/> with each token (lower-cased, in a reused buffer).</summary>
    public static void Tokenize<TState>(ReadOnlySpan<char> text, ref TState state, TokenHandler<TState> onToken)
    {
        Span<char> buffer = stackalloc char[MaxTokenLength];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var prefix = c is '#' or '@' && i + 1 < text.Length && IsWordChar(text[i + 1]) && (i == 0 || !IsWordChar(text[i - 1]));
            if (!prefix && !IsWordChar(c))
            {
                i++;
                continue;
            }

            var start = i;
            i += prefix ? 1 : 0;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            var token = text[start..i];
            if (token.Length <= MaxTokenLength)
            {
                var length = token.ToLowerInvariant(buffer);
                onToken(ref state, buffer[..length]);
            }
        }
    }

    /// <summary>Tokens as strings, for building rules (not for the hot path).</summary>
    public static List<string> Tokens(string text)
    {
        var list = new List<string>();
        Tokenize(text.AsSpan(), ref list, static (ref List<string> l, ReadOnlySpan<char> token) => l.Add(token.ToString()));
        return list;
    }

    /// <summary>Longer runs (hashes, URLs without separators) cannot be keywords; they are skipped.</summary>
    public const int MaxTokenLength = 64;

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '\'' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}

public delegate void TokenHandler<TState>(ref TState state, ReadOnlySpan<char> token);
