using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// One entry in a ticket's conversation. Replies are public (the customer sees them); notes are
/// internal and never leave the team. Text is kept plain and as sanitized HTML.
/// </summary>
public sealed class Message : IWorkspaceOwned
{
    public Guid Id { get; init; } = SequentialGuid.Next();
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public MessageKind Kind { get; init; }
    public ActorKind AuthorKind { get; init; }
    public Guid? AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public required string Text { get; init; }
    public required string Html { get; init; }
    public Channel Channel { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<Attachment> Attachments { get; init; } = [];

    public bool IsPublic => Kind == MessageKind.Reply;
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.HasIndex(m => new { m.WorkspaceId, m.TicketId, m.CreatedAt });
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(m => m.IsPublic);
        builder.Property(m => m.AuthorName).HasMaxLength(Limits.Name);
        builder.Property(m => m.Text).HasMaxLength(Limits.MessageText);
        builder.Property(m => m.Html).HasMaxLength(Limits.MessageHtml);
    }
}
