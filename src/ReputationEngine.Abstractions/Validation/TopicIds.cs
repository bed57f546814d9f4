using System.Text.RegularExpressions;

namespace ReputationEngine.Abstractions.Validation;

/// <summary>Topic ids are short slugs so they are safe in URLs, logs and group names.</summary>
public static partial class TopicIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public const string Rule = "a topic id is 1-64 characters of letters, digits, '-', '_' or '.', starting with a letter or digit";

    // \z, not $: '$' also matches before a final '\n', which let "acme\n" through as a topic id.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\z")]
    private static partial Regex Pattern();
}
