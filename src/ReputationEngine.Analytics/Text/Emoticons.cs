namespace ReputationEngine.Analytics.Text;

/// <summary>
/// Recognizes text emoticons (":-)", ":'(", "&lt;3", "(:", "xD") and writes a canonical form
/// (no nose, one mouth char, "=" eyes as ":") so spelling variants share one feature.
/// </summary>
public static class Emoticons
{
    private const int MaxMouthRun = 8;

    /// <summary>Tries to read an emoticon at <paramref name="i"/>; returns its length in the source, 0 if none.</summary>
    public static int Match(ReadOnlySpan<char> s, int i, bool atTokenStart, TokenBuffer output)
    {
        var length = MatchHeart(s, i, output);
        if (length == 0)
        {
            length = MatchWestern(s, i, output);
        }

        if (length == 0)
        {
            length = MatchReversed(s, i, output);
        }

        if (length == 0 && atTokenStart)
        {
            length = MatchLetterFace(s, i, output);
        }

        return length;
    }

    private static int MatchHeart(ReadOnlySpan<char> s, int i, TokenBuffer output)
    {
        if (s[i] != '<')
        {
            return 0;
        }

        if (At(s, i + 1) == '3')
        {
            return Emit(2, "<3", output);
        }

        if (At(s, i + 1) == '/' && At(s, i + 2) == '3')
        {
            return Emit(3, "</3", output);
        }

        return 0;
    }

    private static int MatchWestern(ReadOnlySpan<char> s, int i, TokenBuffer output)
    {
        var j = i;
        var brow = At(s, j) is '>' or '}' ? At(s, j) : '\0';
        if (brow != '\0')
        {
            j++;
        }

        var eyes = At(s, j);
        if (eyes is not (':' or ';' or '='))
        {
            return 0;
        }

        j++;
        var tear = At(s, j) is '\'' or '’';
        if (tear)
        {
            j++;
        }

        if (At(s, j) is '-' or '^')
        {
            j++;
        }

        var mouth = Mouth(At(s, j));
        if (mouth == '\0')
        {
            return 0;
        }

        var run = 0;
        while (Mouth(At(s, j)) == mouth && run < MaxMouthRun)
        {
            j++;
            run++;
        }

        // ":Pretty" or "a:b" is text, not a face.
        if (char.IsLetterOrDigit(At(s, j)) || (i > 0 && char.IsLetterOrDigit(s[i - 1]) && mouth is 'D' or 'P' or 'O' or 'S'))
        {
            return 0;
        }

        var start = output.Begin();
        if (brow != '\0')
        {
            output.Append('>');
        }

        output.Append(eyes == ';' ? ';' : ':');
        if (tear)
        {
            output.Append('\'');
        }

        output.Append(mouth);
        output.End(start, TokenKind.Emoticon, TokenFlags.None);
        return j - i;
    }

    private static int MatchReversed(ReadOnlySpan<char> s, int i, TokenBuffer output)
    {
        var mouth = At(s, i);
        if (mouth is not ('(' or ')'))
        {
            return 0;
        }

        var j = i + 1;
        if (At(s, j) == '-')
        {
            j++;
        }

        if (At(s, j) is not (':' or '='))
        {
            return 0;
        }

        j++;
        if (char.IsLetterOrDigit(At(s, j)))
        {
            return 0;
        }

        // A reversed face reads mirrored: "(:" smiles, "):" frowns.
        return Emit(j - i, mouth == '(' ? ":)" : ":(", output);
    }

    private static int MatchLetterFace(ReadOnlySpan<char> s, int i, TokenBuffer output)
    {
        var c = At(s, i);
        var next = At(s, i + 1);
        if (c is 'x' or 'X' && next == 'D' && !char.IsLetterOrDigit(At(s, i + 2)))
        {
            return Emit(2, ":D", output);
        }

        if (c == '^' && (next == '^' || (next == '_' && At(s, i + 2) == '^')))
        {
            return Emit(next == '^' ? 2 : 3, "^^", output);
        }

        if (c == '-' && next == '_' && At(s, i + 2) == '-')
        {
            return Emit(3, "-_-", output);
        }

        return 0;
    }

    private static char Mouth(char c) => c switch
    {
        ')' or ']' => ')',
        '(' or '[' => '(',
        'D' => 'D',
        'P' or 'p' or 'b' => 'P',
        'O' or 'o' or '0' => 'O',
        '/' or '\\' => '/',
        '|' => '|',
        '*' => '*',
        'S' or 's' or '$' => 'S',
        '@' => '@',
        _ => '\0',
    };

    private static int Emit(int length, string canonical, TokenBuffer output)
    {
        output.Add(canonical, TokenKind.Emoticon);
        return length;
    }

    private static char At(ReadOnlySpan<char> s, int i) => (uint)i < (uint)s.Length ? s[i] : '\0';
}
