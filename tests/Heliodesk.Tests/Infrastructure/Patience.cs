namespace Heliodesk.Tests.Infrastructure;

/// <summary>
/// How long a test waits on a real peer (Postfix, Dovecot, a socket, a relay) before it fails. Generous on purpose:
/// CI runs both test projects side by side on two cores. A wait ends as soon as its condition holds, so a healthy
/// run never pays for it; only a broken one does.
/// </summary>
internal static class Patience
{
    public static readonly TimeSpan RealPeer = TimeSpan.FromSeconds(60);

    public static DateTime Deadline => DateTime.UtcNow + RealPeer;
}
