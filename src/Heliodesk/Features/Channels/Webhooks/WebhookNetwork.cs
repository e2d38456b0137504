using System.Net;
using System.Net.Sockets;

namespace Heliodesk.Features.Channels.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Heliodesk:Webhooks";

    /// <summary>
    /// Allow webhook URLs on loopback and private networks (and plain http). Off by default, so a
    /// workspace admin cannot point Heliodesk at services inside the network it runs in.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Where deliveries may connect. Checked on the address actually connected to, after DNS, so a
/// name that resolves (or later re-resolves) to an internal address is refused too.
/// </summary>
public static class WebhookNetwork
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        }
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => false,
            100 when b[1] is >= 64 and <= 127 => false, // carrier-grade NAT
            169 when b[1] == 254 => false,              // link-local, cloud metadata services
            172 when b[1] is >= 16 and <= 31 => false,
            192 when b[1] == 168 => false,
            192 when b[1] == 0 && b[2] == 0 => false,
            198 when b[1] is 18 or 19 => false,
            >= 224 => false,                            // multicast and reserved
            _ => true,
        };
    }

    public static SocketsHttpHandler Handler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => options.AllowPrivateNetworks || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to private or loopback addresses, which webhooks may not reach.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
