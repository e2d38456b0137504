using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Webhooks;

/// <summary>
/// An integration's request to be told about changes: which events, where to POST them, and the
/// secret that signs them. The secret must be readable to sign with, so it is encrypted, not hashed.
/// </summary>
public sealed class WebhookSubscription : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public required string Name { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    public required string ProtectedSecret { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Why Heliodesk stopped delivering on its own (the receiver answered 410 Gone), if it did.</summary>
    public string? DisabledReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public enum DeliveryStatus { Pending, Delivered, Failed, Skipped }

/// <summary>One event owed to one subscription, and how its delivery went: the subscription's delivery log.</summary>
public sealed class WebhookDelivery : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid SubscriptionId { get; init; }

    /// <summary>The event's id, sent as webhook-id: the same on every retry and redelivery, so receivers can deduplicate.</summary>
    public Guid EventId { get; init; }

    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public int? LastDurationMs { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<WebhookSubscription>, IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasIndex(s => new { s.WorkspaceId, s.IsActive });
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Url).HasMaxLength(Limits.Url);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(1024);
        builder.Property(s => s.DisabledReason).HasMaxLength(Limits.Subject);
    }

    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasIndex(d => new { d.WorkspaceId, d.SubscriptionId, d.CreatedAt, d.Id });
        builder.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.EventType).HasMaxLength(Limits.ShortText);
        builder.Property(d => d.LastError).HasMaxLength(Limits.Subject * 4);
    }
}
