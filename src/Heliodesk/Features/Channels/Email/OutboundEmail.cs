using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Email;

public enum OutboundPurpose { Reply, Acknowledgement, Notification }

public enum OutboundStatus { Queued, Sent, Captured, Bounced }

/// <summary>
/// A mail Heliodesk sends, built completely (MIME, Message-ID) when the change that causes it is
/// saved, and sent later by the outbox under the same id. Its Message-ID threads the customer's
/// answer back to the ticket; without SMTP it is "captured" and read in the dev mailbox.
/// </summary>
public sealed class OutboundEmail : IWorkspaceOwned
{
    /// <summary>Also the id of the outbox message that sends it.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid WorkspaceId { get; init; }
    public Guid? MailboxId { get; init; }
    public Guid? TicketId { get; init; }
    public Guid? MessageId { get; init; }
    public OutboundPurpose Purpose { get; init; }
    public required string RfcMessageId { get; init; }
    public required string FromAddress { get; init; }
    public required string ToAddress { get; init; }
    public required string Subject { get; init; }

    /// <summary>The whole message as it goes on the wire.</summary>
    public required string Mime { get; init; }

    public OutboundStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public string? BounceReason { get; set; }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.ToTable("OutboundEmails");
        builder.HasIndex(e => new { e.WorkspaceId, e.RfcMessageId });
        builder.HasIndex(e => new { e.WorkspaceId, e.TicketId, e.CreatedAt });
        builder.HasIndex(e => new { e.WorkspaceId, e.Status, e.CreatedAt });
        builder.Property(e => e.RfcMessageId).HasMaxLength(MailLimits.MessageId);
        builder.Property(e => e.FromAddress).HasMaxLength(Limits.Email);
        builder.Property(e => e.ToAddress).HasMaxLength(Limits.Email);
        builder.Property(e => e.Subject).HasMaxLength(Limits.Subject);
        builder.Property(e => e.BounceReason).HasMaxLength(Limits.Subject);
    }
}
