using System.Text;

namespace ReputationEngine.Analytics.Text;

/// <summary>
/// Splits social text into normalized tokens: lower-cased words (elongations shortened,
/// caps remembered), emoticons and emoji, hashtags, @mentions, URLs, numbers and the
/// punctuation that bounds negation scope. Allocation-free apart from buffer growth.
/// </summary>
public static class SocialTokenizer
{
    /// <summary>Texts are read up to this many chars (DESIGN §4.2's maximum mention length).</summary>
    public const int MaxChars = 16_384;

    /// <summary>A letter repeated this often or more is an elongation ("sooo").</summary>
    public const int ElongationRun = 3;

    /// <summary>Placeholder tokens for things whose exact text carries no sentiment.</summary>
    public const string UrlToken = "<url>";
    public const string MentionToken = "<user>";
    public const string NumberToken = "<num>";

    /// <summary>"/s" at the end of a post: the writer says it was sarcasm.</summary>
    public const string SarcasmToken = "/s";

    public static void Tokenize(ReadOnlySpan<char> text, TokenBuffer output) => Tokenize(text, output, wideEmoji: false, sarcasmTag: false, ratings: false);

    /// <summary>Words a rating out of ten stands for: what people mean by "10/10" and "1/10".</summary>
    public const string HighRating = "excellent";
    public const string LowRating = "terrible";

    /// <summary>
    /// Like <see cref="Tokenize(ReadOnlySpan{char}, TokenBuffer)"/>; <paramref name="wideEmoji"/> maps the emoji
    /// added with SocialRules.Emoji too, <paramref name="sarcasmTag"/> reads a standalone "/s" as a sarcasm marker,
    /// <paramref name="ratings"/> reads "N/10" (not a longer date) as <see cref="HighRating"/> (8–10) or <see cref="LowRating"/> (0–3).
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, TokenBuffer output, bool wideEmoji, bool sarcasmTag, bool ratings = false)
    {
        output.Clear();
        var s = text.Length > MaxChars ? text[..MaxChars] : text;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var atTokenStart = i == 0 || char.IsWhiteSpace(s[i - 1]);
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (atTokenStart && IsUrlStart(s[i..]))
            {
                i = SkipNonSpace(s, i);
                output.Add(UrlToken, TokenKind.Url);
            }
            else if (c == '@' && i + 1 < s.Length && IsHandleChar(s[i + 1]))
            {
                i++;
                while (i < s.Length && IsHandleChar(s[i]))
                {
                    i++;
                }

                output.Add(MentionToken, TokenKind.Mention);
            }
            else if (c == '#' && i + 1 < s.Length && char.IsLetter(s[i + 1]))
            {
                i = ReadWord(s, i + 1, output, TokenKind.Hashtag);
            }
            else if (Emoticons.Match(s, i, atTokenStart, output) is var emoticonLength and > 0)
            {
                i += emoticonLength;
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(s, i, output, TokenKind.Word);
            }
            else if (ratings && atTokenStart && RatingLength(s[i..], out var high) is > 0 and var ratingLength)
            {
                output.Add(high ? HighRating : LowRating, TokenKind.Word);
                i += ratingLength;
            }
            else if (char.IsDigit(c))
            {
                while (i < s.Length && (char.IsDigit(s[i]) || ((s[i] is '.' or ',' or ':') && i + 1 < s.Length && char.IsDigit(s[i + 1]))))
                {
                    i++;
                }

                output.Add(NumberToken, TokenKind.Number);
            }
            else if (sarcasmTag && atTokenStart && c == '/' && i + 1 < s.Length && s[i + 1] is 's' or 'S'
                && (i + 2 == s.Length || !char.IsLetterOrDigit(s[i + 2])))
            {
                output.Add(SarcasmToken, TokenKind.Emoticon, TokenFlags.Sarcasm);
                i += 2;
            }
            else if (c is '!' or '?' or '.' or ',' or ';' or ':')
            {
                output.Add(new ReadOnlySpan<char>(in c), TokenKind.Punctuation);
                i++;
            }
            else if (Rune.DecodeFromUtf16(s[i..], out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                if (EmojiMap.Lookup(rune, wideEmoji) is { } canonical)
                {
                    output.Add(canonical, TokenKind.Emoticon, EmojiMap.IsSarcasm(rune) ? TokenFlags.Sarcasm : TokenFlags.None);
                }

                i += consumed;
            }
            else
            {
                i++;
            }
        }
    }

    private static int ReadWord(ReadOnlySpan<char> s, int i, TokenBuffer output, TokenKind kind)
    {
        var start = output.Begin();
        var letters = 0;
        var upper = 0;
        var flags = TokenFlags.None;
        var run = 0;
        var previous = '\0';
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsLetterOrDigit(c) || (kind == TokenKind.Hashtag && c == '_'))
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                }

                var lower = char.ToLowerInvariant(c);
                run = lower == previous ? run + 1 : 1;
                previous = lower;

                // Keep at most two of a repeated letter: "sooo" → "soo", "goood" → "good".
                if (run >= ElongationRun && char.IsLetter(lower))
                {
                    flags |= TokenFlags.Elongated;
                }
                else
                {
                    output.Append(lower);
                }

                i++;
            }
            else if (c is '\'' or '’' && i + 1 < s.Length && char.IsLetter(s[i + 1]) && run > 0)
            {
                output.Append('\'');
                previous = '\'';
                run = 1;
                i++;
            }
            else
            {
                break;
            }
        }

        if (letters >= 2 && upper == letters)
        {
            flags |= TokenFlags.AllCaps;
        }

        output.End(start, kind, flags);
        return i;
    }

    /// <summary>Length of a clear rating out of ten at the start of <paramref name="s"/> ("9/10", "0/10"), else 0.</summary>
    private static int RatingLength(ReadOnlySpan<char> s, out bool high)
    {
        high = false;
        var digits = s.Length > 1 && char.IsAsciiDigit(s[1]) ? 2 : 1;
        if (!char.IsAsciiDigit(s[0]) || s.Length < digits + 3 || s[digits] != '/' || s[digits + 1] != '1' || s[digits + 2] != '0')
        {
            return 0;
        }

        // "1/10/2025" is a date, "1/100" a fraction.
        var end = digits + 3;
        if (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '/'))
        {
            return 0;
        }

        var score = digits == 1 ? s[0] - '0' : ((s[0] - '0') * 10) + (s[1] - '0');
        high = score >= 8; // "11/10" is praise too
        return high || score <= 3 ? end : 0;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static int SkipNonSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && !char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
