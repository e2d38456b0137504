using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Email;

/// <summary>What kind of sender wrote: a person, or a machine that must never get an automatic answer.</summary>
public enum InboundKind { Personal, AutoReply, Bulk, Bounce }

/// <summary>
/// One fetched message, recorded in the same transaction as the ticket message it became. Its key
/// (mailbox + Message-ID) is what makes fetching exactly once: a second fetch of the same mail,
/// after a crash or a UIDVALIDITY change, finds it here and creates nothing.
/// </summary>
public sealed class InboundEmail : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid MailboxId { get; init; }

    /// <summary>The Message-ID without angle brackets; for mail without one, a hash of its bytes.</summary>
    public required string RfcMessageId { get; init; }

    public long UidValidity { get; init; }
    public long Uid { get; init; }
    public Guid TicketId { get; set; }
    public Guid? MessageId { get; set; }
    public required string FromAddress { get; init; }
    public string Subject { get; init; } = "";
    public InboundKind Kind { get; init; }

    /// <summary>This mail opened its ticket (counts toward the sender's hourly limit).</summary>
    public bool OpenedTicket { get; init; }

    /// <summary>What was wrong with the mail (unparseable, oversized, no sender…); null when it was clean.</summary>
    public string? Problems { get; init; }

    /// <summary>The raw .eml under the data directory, exactly as fetched.</summary>
    public required string RawPath { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }
}

internal sealed class InboundEmailConfiguration : IEntityTypeConfiguration<InboundEmail>
{
    public void Configure(EntityTypeBuilder<InboundEmail> builder)
    {
        builder.ToTable("InboundEmails");
        builder.HasIndex(e => new { e.WorkspaceId, e.MailboxId, e.RfcMessageId }).IsUnique();
        builder.HasIndex(e => new { e.WorkspaceId, e.RfcMessageId });
        builder.HasIndex(e => new { e.WorkspaceId, e.MailboxId, e.FromAddress, e.ReceivedAt });
        builder.HasIndex(e => new { e.WorkspaceId, e.TicketId });
        builder.Property(e => e.RfcMessageId).HasMaxLength(MailLimits.MessageId);
        builder.Property(e => e.FromAddress).HasMaxLength(Limits.Email);
        builder.Property(e => e.Subject).HasMaxLength(Limits.Subject);
        builder.Property(e => e.Problems).HasMaxLength(Limits.Subject);
        builder.Property(e => e.RawPath).HasMaxLength(Limits.Url);
    }
}

internal static class MailLimits
{
    public const int MessageId = 500;
}
