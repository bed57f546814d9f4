using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReputationEngine.Server.Webhooks;

/// <summary><c>X-Reputation-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;</c> (DESIGN §4.5).</summary>
public static class WebhookSigner
{
    public const string EventHeader = "X-Reputation-Event";
    public const string DeliveryHeader = "X-Reputation-Delivery";
    public const string SignatureHeader = "X-Reputation-Signature";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }
}
