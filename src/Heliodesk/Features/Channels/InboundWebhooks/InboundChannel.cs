using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.InboundWebhooks;

/// <summary>
/// A generic inbound channel: another system (an SMS gateway, a social inbox, a shop) POSTs its
/// customers' messages here, signed with the channel's secret, and gets the agents' replies back at
/// <see cref="ReplyUrl"/>. The secret must be readable to verify and sign with, so it is encrypted, not hashed.
/// </summary>
public sealed class InboundChannel : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }
    public required string ProtectedSecret { get; set; }

    /// <summary>Where agents' public replies are POSTed; without one, replies stay in Heliodesk only.</summary>
    public string? ReplyUrl { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One external conversation (an SMS thread, a social DM) and the ticket it lands on.</summary>
public sealed class InboundConversation : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid ChannelId { get; init; }
    public required string ExternalId { get; init; }

    /// <summary>The ticket new messages go to; moves to the follow-up when the old one was closed.</summary>
    public Guid TicketId { get; set; }

    public Guid ContactId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One accepted external message. Its (channel, external id) key is what makes a retry or a replay
/// of the same message create nothing the second time.
/// </summary>
public sealed class InboundWebhookMessage : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid ChannelId { get; init; }
    public required string ExternalId { get; init; }
    public Guid ConversationId { get; init; }
    public Guid TicketId { get; init; }
    public Guid MessageId { get; init; }
    public bool OpenedTicket { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}

public enum ReplyDeliveryStatus { Pending, Delivered, Failed, NotSent }

/// <summary>An agent's reply owed to the channel's reply URL, and how its delivery went.</summary>
public sealed class InboundWebhookReply : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid ChannelId { get; init; }
    public Guid ConversationId { get; init; }
    public Guid TicketId { get; init; }
    public Guid MessageId { get; init; }
    public ReplyDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

internal sealed class InboundChannelConfiguration :
    IEntityTypeConfiguration<InboundChannel>, IEntityTypeConfiguration<InboundConversation>,
    IEntityTypeConfiguration<InboundWebhookMessage>, IEntityTypeConfiguration<InboundWebhookReply>
{
    public void Configure(EntityTypeBuilder<InboundChannel> builder)
    {
        builder.ToTable("InboundChannels");
        builder.HasIndex(c => new { c.WorkspaceId, c.Name });
        builder.Property(c => c.Name).HasMaxLength(Limits.Name);
        builder.Property(c => c.ReplyUrl).HasMaxLength(Limits.Url);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(1024);
    }

    public void Configure(EntityTypeBuilder<InboundConversation> builder)
    {
        builder.ToTable("InboundConversations");
        builder.HasIndex(c => new { c.WorkspaceId, c.ChannelId, c.ExternalId }).IsUnique();
        builder.HasIndex(c => new { c.WorkspaceId, c.TicketId });
        builder.HasOne<InboundChannel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.ExternalId).HasMaxLength(InboundMessageRules.MaxExternalId);
    }

    public void Configure(EntityTypeBuilder<InboundWebhookMessage> builder)
    {
        builder.ToTable("InboundWebhookMessages");
        builder.HasIndex(m => new { m.WorkspaceId, m.ChannelId, m.ExternalId }).IsUnique();
        builder.HasOne<InboundChannel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.ExternalId).HasMaxLength(InboundMessageRules.MaxExternalId);
    }

    public void Configure(EntityTypeBuilder<InboundWebhookReply> builder)
    {
        builder.ToTable("InboundWebhookReplies");
        builder.HasIndex(r => new { r.WorkspaceId, r.TicketId, r.CreatedAt });
        builder.HasOne<InboundChannel>().WithMany().HasForeignKey(r => r.ChannelId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.LastError).HasMaxLength(Limits.Subject * 4);
    }
}
