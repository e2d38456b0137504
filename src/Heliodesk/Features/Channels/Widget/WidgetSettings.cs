using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// A workspace's widget: the secret host applications sign their users' ids with (encrypted at rest with
/// Data Protection, shown once when generated), and the page origins allowed to embed it. No row, or no
/// origin listed, means any origin may embed it.
/// </summary>
public sealed class WidgetSettings : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public string? ProtectedSecret { get; set; }
    public DateTimeOffset? SecretCreatedAt { get; set; }
    public List<string> AllowedOrigins { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One visitor's live chat: the ticket it is the conversation of, the contact writing, and the hash of the
/// visitor's session token (the token itself is only ever in the visitor's browser). Read state both ways.
/// </summary>
public sealed class WidgetChat : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; set; }
    public Guid ContactId { get; init; }
    public required string TokenHash { get; init; }
    public bool Verified { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? VisitorReadAt { get; set; }
    public DateTimeOffset? AgentReadAt { get; set; }
}

internal sealed class WidgetConfiguration : IEntityTypeConfiguration<WidgetSettings>, IEntityTypeConfiguration<WidgetChat>
{
    public void Configure(EntityTypeBuilder<WidgetSettings> builder)
    {
        builder.HasKey(s => s.WorkspaceId);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1024);
    }

    public void Configure(EntityTypeBuilder<WidgetChat> builder)
    {
        builder.HasIndex(c => new { c.WorkspaceId, c.TokenHash }).IsUnique();
        builder.HasIndex(c => new { c.WorkspaceId, c.TicketId });
        builder.Property(c => c.TokenHash).HasMaxLength(64);
        builder.HasOne<Tickets.Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
