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
        id.Length > 0 && id.Length <= maxLength && !id.Any(char.IsControl) && id.AsSpan().IndexOfAny(ForbiddenIdCharacters) < 0 && IsWellFormed(id);
}
