using System.ComponentModel.DataAnnotations;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// A server to connect to. Logs in with userName and password, or with auth "oauth2", userName and an
/// OAuth 2 accessToken (XOAUTH2). On update, a null password or token keeps the stored one; "" clears it.
/// </summary>
public sealed record MailServerSettings(
    [property: Required, MaxLength(Limits.Email)] string Host,
    [property: Range(1, 65535)] int Port,
    MailSecurity Security = MailSecurity.Auto,
    [property: MaxLength(Limits.Email)] string? UserName = null,
    [property: MaxLength(1000)] string? Password = null,
    MailAuth Auth = MailAuth.Password,
    [property: MaxLength(MailboxSecrets.MaxCredentialLength)] string? AccessToken = null);

/// <summary>The whole mailbox (create and replace). Without imap it only sends; without smtp its mail is captured.</summary>
public sealed record MailboxRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    [property: Required, MaxLength(Limits.Email)] string Address,
    MailServerSettings? Imap = null,
    MailServerSettings? Smtp = null,
    bool Enabled = true,
    bool SendAcknowledgements = true,
    [property: MaxLength(Limits.Email)] string ImapFolder = "INBOX",
    [property: MaxLength(Limits.Email)] string? ProcessedFolder = null,
    bool AllowInvalidCertificates = false);

/// <summary>hasPassword: a password (or, with auth oAuth2, an access token) is stored; it is never returned.</summary>
public sealed record MailServerResponse(string Host, int Port, MailSecurity Security, string? UserName, bool HasPassword, MailAuth Auth);

public sealed record MailboxResponse(
    Guid Id, string Name, string Address, bool Enabled, bool SendAcknowledgements,
    MailServerResponse? Imap, MailServerResponse? Smtp, string ImapFolder, string? ProcessedFolder,
    bool AllowInvalidCertificates, DateTimeOffset? LastFetchAt, string? LastError, DateTimeOffset CreatedAt)
{
    public static MailboxResponse From(Mailbox m) => new(
        m.Id, m.Name, m.Address, m.Enabled, m.SendAcknowledgements,
        m.ImapHost is null ? null : new MailServerResponse(m.ImapHost, m.ImapPort, m.ImapSecurity, m.ImapUserName, m.ImapPasswordProtected is not null, m.ImapAuth),
        m.SmtpHost is null ? null : new MailServerResponse(m.SmtpHost, m.SmtpPort, m.SmtpSecurity, m.SmtpUserName, m.SmtpPasswordProtected is not null, m.SmtpAuth),
        m.ImapFolder, m.ProcessedFolder, m.AllowInvalidCertificates, m.LastFetchAt, m.LastError, m.CreatedAt);
}

public sealed record MailboxCheckResponse(bool ImapOk, string? ImapError, bool SmtpOk, string? SmtpError);

public sealed record MailboxFetchResponse(int Fetched, int Created, int Duplicates);
