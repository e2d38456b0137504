using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Search;
using MimeKit;

[assembly: AssemblyFixture(typeof(Heliodesk.Tests.Infrastructure.MailServer))]

namespace Heliodesk.Tests.Infrastructure;

/// <summary>
/// Real Postfix (SMTP) and Dovecot (IMAP) on 127.0.0.1 and free ports, configured in one temp
/// directory and started on first use (ENVIRONMENT.md lists the settings that matter). Addresses
/// come from a pool, so each test has mailboxes of its own; mail to any other domain lands in a sink
/// mailbox, so nothing leaves the machine. Every account's IMAP password is <see cref="Password"/>.
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    public const string Password = "secret";
    public const string SupportDomain = "helio.test";
    public const string CustomerDomain = "customer.test";
    private const int PoolSize = 300;

    private readonly SemaphoreSlim _start = new(1, 1);
    private string? _root;
    private Process? _postfix;
    private Process? _dovecot;
    private int _next;

    public int SmtpPort { get; private set; }

    public int ImapPort { get; private set; }

    /// <summary>A fresh address of the pool in the support or customer domain, started on first use.</summary>
    /// <summary>Dovecot's log: each login names its SASL method ("method=XOAUTH2").</summary>
    public string DovecotLog() => _root is null ? "" : File.ReadAllText(Path.Combine(_root, "dovecot.log"));

    public async Task<string> NewAddressAsync(string domain)
    {
        await EnsureStartedAsync();
        var n = Interlocked.Increment(ref _next);
        if (n > PoolSize)
        {
            throw new InvalidOperationException($"The mail fixture has {PoolSize} addresses per domain; raise PoolSize.");
        }
        return string.Create(CultureInfo.InvariantCulture, $"{Local(domain)}-{n}@{domain}");
    }

    public async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(Host, SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>Waits (Postfix delivers in milliseconds; at most <see cref="Patience.RealPeer"/>) until the inbox holds at least <paramref name="count"/> mails.</summary>
    public async Task<List<MimeMessage>> InboxAsync(string address, int count = 1, bool unseenOnly = false)
    {
        var deadline = Patience.Deadline;
        while (true)
        {
            using var client = new ImapClient();
            await client.ConnectAsync(Host, ImapPort, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync(address, Password);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var uids = await client.Inbox.SearchAsync(unseenOnly ? SearchQuery.NotSeen : SearchQuery.All);
            if (uids.Count >= count || DateTime.UtcNow > deadline)
            {
                var messages = new List<MimeMessage>();
                foreach (var uid in uids)
                {
                    messages.Add(await client.Inbox.GetMessageAsync(uid));
                }
                await client.DisconnectAsync(true);
                return messages;
            }
            await client.DisconnectAsync(true);
            await Task.Delay(50);
        }
    }

    /// <summary>The raw bytes of the inbox's mails, as the fetcher would read them.</summary>
    public async Task<List<(uint Uid, byte[] Raw)>> RawInboxAsync(string address)
    {
        await InboxAsync(address);
        using var client = new ImapClient();
        await client.ConnectAsync(Host, ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(address, Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var result = new List<(uint, byte[])>();
        foreach (var uid in await client.Inbox.SearchAsync(SearchQuery.All))
        {
            await using var stream = await client.Inbox.GetStreamAsync(uid);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            result.Add((uid.Id, copy.ToArray()));
        }
        await client.DisconnectAsync(true);
        return result;
    }

    private async Task EnsureStartedAsync()
    {
        await _start.WaitAsync();
        try
        {
            if (_postfix is not null)
            {
                return;
            }
            _root = Directory.CreateTempSubdirectory("heliodesk-mail-").FullName;
            OpenPath(_root);
            for (var attempt = 1; ; attempt++)
            {
                (SmtpPort, ImapPort) = (FreePort(), FreePort());
                MailServerConfig.Write(_root, SmtpPort, ImapPort, PoolSize);
                _postfix = Start("/usr/sbin/postfix", $"-c {_root}/postfix start-fg");
                _dovecot = Start("/usr/sbin/dovecot", $"-F -c {_root}/dovecot/dovecot.conf");
                if (await ListeningAsync(SmtpPort) && await ListeningAsync(ImapPort))
                {
                    return;
                }
                // A port taken between FreePort() and the bind: stop both and try other ports.
                await StopAsync();
                if (attempt == 3)
                {
                    var log = Path.Combine(_root, "maillog");
                    throw new InvalidOperationException("Postfix or Dovecot did not start: " + (File.Exists(log) ? File.ReadAllText(log) : "no log"));
                }
            }
        }
        finally
        {
            _start.Release();
        }
    }

    private static string Local(string domain) => domain == SupportDomain ? "support" : "customer";

    // mkdtemp directories are 0700, and Postfix and Dovecot drop root: the root must be enterable (its parent is /tmp).
    private static void OpenPath(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    private static Process Start(string file, string arguments) =>
        Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
        ?? throw new InvalidOperationException($"Could not start {file}.");

    private static async Task<bool> ListeningAsync(int port)
    {
        var deadline = Patience.Deadline;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StopAsync()
    {
        // `postfix start-fg` runs the master as a child of its own: stop the master by its pid file, or it outlives the tests.
        var masterPid = _root is null ? null : Path.Combine(_root, "queue", "pid", "master.pid");
        // The master keeps its pid file locked (so it cannot be opened here) and pads the pid with spaces: let a shell read it.
        if (masterPid is not null && File.Exists(masterPid))
        {
            using var stopMaster = Process.Start("sh", ["-c", "kill -TERM $(cat \"$0\")", masterPid]);
            await stopMaster.WaitForExitAsync();
        }
        foreach (var process in new[] { _postfix, _dovecot })
        {
            if (process is { HasExited: false })
            {
                // SIGTERM: Postfix's master stops its children, Dovecot shuts down cleanly.
                using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            process?.Dispose();
        }
        (_postfix, _dovecot) = (null, null);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_root is not null)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file a stopping daemon still held; the temp directory is cleaned by the OS.
            }
        }
    }
}
