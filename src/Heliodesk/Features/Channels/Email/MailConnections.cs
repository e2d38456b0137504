using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Heliodesk.Features.Channels.Email;

/// <summary>Opens authenticated IMAP and SMTP connections with a mailbox's settings and decrypted password.</summary>
public sealed class MailConnections(MailboxSecrets secrets)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<ImapClient> ConnectImapAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            Trust(client, mailbox);
            await client.ConnectAsync(mailbox.ImapHost ?? throw new InvalidOperationException("No IMAP server is set."), mailbox.ImapPort, Socket(mailbox.ImapSecurity), ct);
            if (!string.IsNullOrEmpty(mailbox.ImapUserName))
            {
                await client.AuthenticateAsync(mailbox.ImapUserName, secrets.Unprotect(mailbox.ImapPasswordProtected) ?? "", ct);
            }
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<SmtpClient> ConnectSmtpAsync(Mailbox mailbox, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            Trust(client, mailbox);
            await client.ConnectAsync(mailbox.SmtpHost ?? throw new InvalidOperationException("No SMTP server is set."), mailbox.SmtpPort, Socket(mailbox.SmtpSecurity), ct);
            if (!string.IsNullOrEmpty(mailbox.SmtpUserName))
            {
                await client.AuthenticateAsync(mailbox.SmtpUserName, secrets.Unprotect(mailbox.SmtpPasswordProtected) ?? "", ct);
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
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
            or MailKit.CommandException or AuthenticationException or SslHandshakeException or TimeoutException or OperationCanceledException)
        {
            return e.Message;
        }
    }

    private static void Trust(MailService client, Mailbox mailbox)
    {
        if (mailbox.AllowInvalidCertificates)
        {
            client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }
    }

    private static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
