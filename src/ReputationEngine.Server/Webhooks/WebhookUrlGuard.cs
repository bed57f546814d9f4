using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ReputationEngine.Server.Webhooks;

/// <summary>
/// SSRF guard: a webhook may only reach public addresses, unless configuration allows a network
/// (<see cref="WebhookOptions.AllowedNetworks"/>). Checked when a webhook is registered and again on every
/// connection, against the addresses DNS gives at that moment (names can be re-pointed after registration).
/// </summary>
public sealed class WebhookUrlGuard
{
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/3"), IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("64:ff9b::/96"), IPNetwork.Parse("2001:db8::/32"),
    ];

    private readonly IPNetwork[] _allowed;

    public WebhookUrlGuard(IOptions<WebhookOptions> options) =>
        _allowed = [.. options.Value.AllowedNetworks.Select(n => IPNetwork.Parse(n.Trim()))];

    public bool IsAllowed(IPAddress address)
    {
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowed.Any(n => n.Contains(ip)) || !NonPublic.Any(n => n.Contains(ip));
    }

    /// <summary>Null when the URL may be used, else why not.</summary>
    public async Task<string?> CheckAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "'url' must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "'url' must not carry credentials.";
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"'{uri.Host}' does not resolve.";
        }

        var refused = addresses.FirstOrDefault(a => !IsAllowed(a));
        return addresses.Length == 0 ? $"'{uri.Host}' does not resolve."
            : refused is not null ? $"'{uri.Host}' resolves to {refused}, a non-public address that is not in Webhooks:AllowedNetworks."
            : null;
    }

    /// <summary>Connects to the first allowed address of the host (the delivery-time check; used as the handler's ConnectCallback).</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var refused = addresses.FirstOrDefault(a => !IsAllowed(a));
        if (addresses.Length == 0 || refused is not null)
        {
            throw new HttpRequestException($"Webhook host '{context.DnsEndPoint.Host}' resolves to a refused address ({refused}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
