namespace ReputationEngine.Server.Access;

/// <summary>What an API key may do (DESIGN §4.6). <c>admin</c> implies every other scope.</summary>
public static class Scopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";
    public const string Metrics = "metrics";
    public const string Admin = "admin";

    public static readonly string[] All = [Ingest, Read, Metrics, Admin];

    public static bool IsKnown(string scope) => Array.IndexOf(All, scope) >= 0;

    /// <summary>The scopes a key with <paramref name="granted"/> holds, with admin expanded.</summary>
    public static IEnumerable<string> Effective(IEnumerable<string> granted) =>
        granted.Contains(Admin, StringComparer.Ordinal) ? All : granted.Distinct(StringComparer.Ordinal);

    /// <summary>Authorization policy name of one scope.</summary>
    public static string Policy(string scope) => $"scope:{scope}";
}
