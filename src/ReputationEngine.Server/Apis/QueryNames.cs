using System.Text;

namespace ReputationEngine.Server.Apis;

/// <summary>
/// Reads a query parameter that names one value of an enum (<c>?state=open</c>): exactly one of its names, in any
/// ASCII letter case. <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would also take numbers
/// (<c>"2"</c>), padding (<c>" open"</c>) and comma lists (<c>"open,resolved"</c>, combined into another value).
/// </summary>
public static class QueryNames
{
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Ascii.EqualsIgnoreCase(text, candidate.ToString()))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
