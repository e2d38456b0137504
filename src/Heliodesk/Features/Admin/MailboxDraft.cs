using Heliodesk.Features.Channels.Email;

namespace Heliodesk.Features.Admin;

/// <summary>One mail server's fields as typed; no host means the mailbox does without that server.</summary>
public sealed class MailServerDraft
{
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailSecurity Security { get; set; } = MailSecurity.Auto;
    public string UserName { get; set; } = "";

    /// <summary>Blank keeps the stored password (the API's null); passwords are never read back.</summary>
    public string Password { get; set; } = "";

    public bool HasPassword { get; set; }

    public static MailServerDraft From(MailServerResponse? server, int defaultPort) => server is null
        ? new MailServerDraft { Port = defaultPort }
        : new MailServerDraft { Host = server.Host, Port = server.Port, Security = server.Security, UserName = server.UserName ?? "", HasPassword = server.HasPassword };

    public MailServerSettings? ToSettings() => string.IsNullOrWhiteSpace(Host) ? null
        : new MailServerSettings(Host.Trim(), Port, Security, string.IsNullOrWhiteSpace(UserName) ? null : UserName.Trim(), Password.Length == 0 ? null : Password);
}

/// <summary>The mailbox form, turned into the API's MailboxRequest (create and replace take the whole mailbox).</summary>
public sealed class MailboxDraft
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public MailServerDraft Imap { get; set; } = new() { Port = 993 };
    public MailServerDraft Smtp { get; set; } = new() { Port = 587 };
    public bool Enabled { get; set; } = true;
    public bool SendAcknowledgements { get; set; } = true;
    public string ImapFolder { get; set; } = "INBOX";
    public string ProcessedFolder { get; set; } = "";
    public bool AllowInvalidCertificates { get; set; }

    public static MailboxDraft From(MailboxResponse m) => new()
    {
        Name = m.Name,
        Address = m.Address,
        Imap = MailServerDraft.From(m.Imap, 993),
        Smtp = MailServerDraft.From(m.Smtp, 587),
        Enabled = m.Enabled,
        SendAcknowledgements = m.SendAcknowledgements,
        ImapFolder = m.ImapFolder,
        ProcessedFolder = m.ProcessedFolder ?? "",
        AllowInvalidCertificates = m.AllowInvalidCertificates,
    };

    public MailboxRequest ToRequest() => new(
        Name, Address.Trim(), Imap.ToSettings(), Smtp.ToSettings(), Enabled, SendAcknowledgements,
        ImapFolder, string.IsNullOrWhiteSpace(ProcessedFolder) ? null : ProcessedFolder, AllowInvalidCertificates);
}
