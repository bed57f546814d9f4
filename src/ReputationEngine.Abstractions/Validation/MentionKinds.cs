using System.Text;
using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Abstractions.Validation;

/// <summary>
/// The ingest rule for a mention's <c>kind</c> (DESIGN §4.2): exactly one of the contract's names, in any ASCII
/// letter case. Nothing else: no numbers (<c>"1"</c>), no flag lists (<c>"post, reply"</c>, which
/// <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would combine into another kind), no padding
/// (<c>" post "</c>) and no non-ASCII case folds (<c>"ſhare"</c>).
/// </summary>
public static class MentionKinds
{
    /// <summary>The contract's names, in the order of <see cref="MentionKind"/>'s values.</summary>
    public static readonly string[] Names = ["post", "reply", "share", "quote", "review"];

    public static readonly string Rule = $"'kind' must be one of {string.Join('|', Names)}";

    public static bool TryParse(ReadOnlySpan<char> text, out MentionKind kind)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(text, Names[i]))
            {
                kind = (MentionKind)i;
                return true;
            }
        }

        kind = MentionKind.Post;
        return false;
    }
}
