using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Heliodesk.Features.Channels.Email;

/// <summary>Opens authenticated IMAP and SMTP connections with a mailbox's settings and decrypted password or OAuth 2 access token.</summary>
public sealed class MailConnections(MailboxSecrets secrets)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Task<ImapClient> ConnectImapAsync(Mailbox mailbox, CancellationToken ct) =>
        ConnectAsync(new ImapClient(), mailbox, mailbox.ImapHost ?? throw new InvalidOperationException("No IMAP server is set."),
            mailbox.ImapPort, mailbox.ImapSecurity, mailbox.ImapUserName, mailbox.ImapAuth, mailbox.ImapPasswordProtected, ct);

    public Task<SmtpClient> ConnectSmtpAsync(Mailbox mailbox, CancellationToken ct) =>
        ConnectAsync(new SmtpClient(), mailbox, mailbox.SmtpHost ?? throw new InvalidOperationException("No SMTP server is set."),
            mailbox.SmtpPort, mailbox.SmtpSecurity, mailbox.SmtpUserName, mailbox.SmtpAuth, mailbox.SmtpPasswordProtected, ct);

    private async Task<TClient> ConnectAsync<TClient>(
        TClient client, Mailbox mailbox, string host, int port, MailSecurity security, string? userName, MailAuth auth, string? protectedPassword, CancellationToken ct)
        where TClient : MailService
    {
        try
        {
            client.Timeout = (int)Timeout.TotalMilliseconds;
            if (mailbox.AllowInvalidCertificates)
            {
                client.ServerCertificateValidationCallback = (_, _, _, _) => true;
            }
            await client.ConnectAsync(host, port, Socket(security), ct);
            if (!string.IsNullOrEmpty(userName) && auth == MailAuth.Oauth2)
            {
                await client.AuthenticateAsync(new SaslMechanismOAuth2(userName, secrets.Unprotect(protectedPassword) ?? ""), ct);
            }
            else if (!string.IsNullOrEmpty(userName))
            {
                await client.AuthenticateAsync(userName, secrets.Unprotect(protectedPassword) ?? "", ct);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<MailboxCheckResponse> CheckAsync(Mailbox mailbox, CancellationToken ct)
    {
        var imap = mailbox.ImapHost is null ? "No IMAP server is set." : await TryAsync(async () =>
        {
            using var client = await ConnectImapAsync(mailbox, ct);
            var folder = await client.GetFolderAsync(mailbox.ImapFolder, ct);
            await folder.OpenAsync(FolderAccess.ReadOnly, ct);
            await client.DisconnectAsync(true, ct);
        });
        var smtp = mailbox.SmtpHost is null ? "No SMTP server is set: mail from this mailbox is captured in the dev mailbox." : await TryAsync(async () =>
        {
            using var client = await ConnectSmtpAsync(mailbox, ct);
            await client.DisconnectAsync(true, ct);
        });
        return new MailboxCheckResponse(imap is null, imap, smtp is null, smtp);
    }

    private static async Task<string?> TryAsync(Func<Task> connect)
    {
        try
        {
            await connect();
            return null;
        }
        catch (Exception e) when (IsConnectionFailure(e) || e is OperationCanceledException)
        {
            return e.Message;
        }
    }

    /// <summary>The server could not be reached, refused us, or broke the protocol: a problem of the mailbox's settings or the network.</summary>
    public static bool IsConnectionFailure(Exception e) => e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
        or MailKit.CommandException or AuthenticationException or SslHandshakeException or TimeoutException
        or MailKit.FolderNotFoundException;

    private static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
