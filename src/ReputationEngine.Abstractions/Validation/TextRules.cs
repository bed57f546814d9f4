namespace ReputationEngine.Abstractions.Validation;

/// <summary>Character rules every user-supplied string passes before it is stored, logged or hashed.</summary>
public static class TextRules
{
    /// <summary>
    /// False for unpaired UTF-16 surrogates (a JSON body may carry them as <c>\ud800</c> escapes): they cannot be
    /// written as UTF-8, so the mention log, SQL parameters and the JSON writers would fail on them later.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        // Most text has no surrogates at all: one vectorized scan, and the pairing walk only when there are some.
        if (text.IndexOfAnyInRange('\ud800', '\udfff') < 0)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The characters an id may not hold, besides control characters.</summary>
    public const string ForbiddenIdCharacters = "{}";

    public const string IdRule = "ids are 1-256 characters of valid Unicode without control characters or '{', '}'";

    /// <summary>
    /// Ids in routes and bodies become grain keys. Orleans' ADO.NET storage (10.4) fails to write a grain whose
    /// string key holds '{' or '}' (it formats the key), which would wedge that grain's checkpoint: refused at the door.
    /// </summary>
    public static bool IsCleanId(string id, int maxLength) =>
        id.Length > 0 && id.Length <= maxLength && !ContainsControl(id) && id.AsSpan().IndexOfAny(ForbiddenIdCharacters) < 0 && IsWellFormed(id);

    /// <summary><see cref="char.IsControl(char)"/> on any character: the Cc category is exactly U+0000–U+001F and U+007F–U+009F.</summary>
    private static bool ContainsControl(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\0', '\u001f') >= 0 || text.IndexOfAnyInRange('\u007f', '\u009f') >= 0;
}
