using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// A file uploaded first and attached to a message when the message is sent (the upload-then-reference
/// pattern keeps message requests small JSON). The bytes live on disk under the data directory.
/// </summary>
public sealed class Attachment : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid? MessageId { get; set; }
    public Guid? TicketId { get; set; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required string Sha256 { get; init; }
    public required string StoragePath { get; init; }
    public ActorKind UploadedByKind { get; init; }
    public Guid? UploadedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.HasIndex(a => new { a.WorkspaceId, a.MessageId });
        builder.Property(a => a.FileName).HasMaxLength(Limits.FileName);
        builder.Property(a => a.ContentType).HasMaxLength(Limits.ShortText);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StoragePath).HasMaxLength(Limits.Url);
    }
}
