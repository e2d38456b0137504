using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Email;

/// <summary>How a connection is secured. Auto: TLS on connect for 993/465, STARTTLS when offered elsewhere.</summary>
public enum MailSecurity { Auto, SslOnConnect, StartTls, None }

/// <summary>How Heliodesk logs in: with a password, or with an OAuth 2 access token (SASL XOAUTH2).</summary>
public enum MailAuth { Password, Oauth2 }

/// <summary>
/// A support address of a workspace: where customer mail is fetched (IMAP) and replies are sent
/// from (SMTP). Passwords are stored encrypted (<see cref="MailboxSecrets"/>). Without an SMTP host,
/// mail "sent" from it is captured in the dev mailbox instead.
/// </summary>
public sealed class Mailbox : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public bool SendAcknowledgements { get; set; } = true;

    public string? ImapHost { get; set; }
    public int ImapPort { get; set; } = 993;
    public MailSecurity ImapSecurity { get; set; }
    public string? ImapUserName { get; set; }
    public MailAuth ImapAuth { get; set; }

    /// <summary>The password or, with <see cref="MailAuth.Oauth2"/>, the access token; encrypted.</summary>
    public string? ImapPasswordProtected { get; set; }

    public string ImapFolder { get; set; } = "INBOX";

    /// <summary>Where processed mail is moved; unset, it stays in the folder and is marked seen.</summary>
    public string? ProcessedFolder { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public MailSecurity SmtpSecurity { get; set; }
    public string? SmtpUserName { get; set; }
    public MailAuth SmtpAuth { get; set; }
    public string? SmtpPasswordProtected { get; set; }

    /// <summary>Accept self-signed or mismatched certificates (private servers only).</summary>
    public bool AllowInvalidCertificates { get; set; }

    /// <summary>The folder's UIDVALIDITY when it was last read; a change means UIDs were renumbered.</summary>
    public long? UidValidity { get; set; }

    public long LastUid { get; set; }
    public DateTimeOffset? LastFetchAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The node fetching this mailbox, until <see cref="LeaseUntil"/>: one reader per mailbox across nodes.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool CanFetch => Enabled && !string.IsNullOrEmpty(ImapHost);
    public bool CanSend => !string.IsNullOrEmpty(SmtpHost);
}

internal sealed class MailboxConfiguration : IEntityTypeConfiguration<Mailbox>
{
    public void Configure(EntityTypeBuilder<Mailbox> builder)
    {
        builder.ToTable("Mailboxes");
        builder.HasIndex(m => new { m.WorkspaceId, m.Address }).IsUnique();
        builder.HasIndex(m => new { m.Enabled, m.LeaseUntil });
        builder.Ignore(m => m.CanFetch);
        builder.Ignore(m => m.CanSend);
        builder.Property(m => m.Name).HasMaxLength(Limits.Name);
        builder.Property(m => m.Address).HasMaxLength(Limits.Email);
        foreach (var host in new[] { nameof(Mailbox.ImapHost), nameof(Mailbox.SmtpHost), nameof(Mailbox.ImapUserName), nameof(Mailbox.SmtpUserName), nameof(Mailbox.ImapFolder), nameof(Mailbox.ProcessedFolder) })
        {
            builder.Property(host).HasMaxLength(Limits.Email);
        }
        // Room for an encrypted OAuth 2 access token (Microsoft's run to a few kilobytes).
        builder.Property(m => m.ImapPasswordProtected).HasMaxLength(MailboxSecrets.MaxProtectedLength);
        builder.Property(m => m.SmtpPasswordProtected).HasMaxLength(MailboxSecrets.MaxProtectedLength);
        builder.Property(m => m.LastError).HasMaxLength(Limits.Subject * 4);
        builder.Property(m => m.LeaseOwner).HasMaxLength(Limits.ShortText);
    }
}
