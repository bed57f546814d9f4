using System.Buffers.Text;
using System.Security.Cryptography;

namespace ReputationEngine.Server.Access;

/// <summary>
/// Keys look like <c>rek_&lt;id&gt;_&lt;secret&gt;</c>: a short public id (to find the stored hash in one lookup,
/// and to name the key in logs and lists) and 256 random bits of secret.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "rek_";
    public const int IdBytes = 6;
    public const int SecretBytes = 32;

    /// <summary>Anything longer is not a key of ours nor a sane admin key; refused before hashing.</summary>
    public const int MaxPresentedLength = 512;

    /// <summary>The shortest <c>REPUTATION_ADMIN_KEY</c> accepted: guessable admin keys are refused at start.</summary>
    public const int MinAdminKeyLength = 16;

    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The public id of a key in our format, or null.</summary>
    public static string? IdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        var id = separator < 0 ? null : key[Prefix.Length..separator];
        return id is { Length: IdBytes * 2 } && id.All(char.IsAsciiHexDigitLower) ? id : null;
    }
}
