using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Outbox;

public enum OutboxStatus { Pending, Done, Failed }

/// <summary>
/// A side effect (send an email, deliver a webhook) written in the same transaction as the change
/// that caused it, so the change and its side effect commit or vanish together. The dispatcher
/// hands it to the handler for its <see cref="Kind"/>; <see cref="Id"/> is the idempotency key a
/// handler passes downstream, so a redelivery after a crash is recognisable as the same one.
/// </summary>
public sealed class OutboxMessage : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Kind { get; init; }
    public required string Payload { get; init; }

    /// <summary>What the side effect is about (a ticket, a subscription), for listing its deliveries.</summary>
    public Guid? SubjectId { get; init; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The node working on it, until <see cref="LeaseUntil"/>; an expired lease is free to take.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        // The dispatcher's query runs across workspaces: pending work in due order.
        builder.HasIndex(m => new { m.Status, m.DueAt });
        builder.HasIndex(m => new { m.WorkspaceId, m.SubjectId });
        builder.Property(m => m.Kind).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.LeaseOwner).HasMaxLength(Limits.ShortText);
        builder.Property(m => m.LastError).HasMaxLength(Limits.Subject * 4);
    }
}
