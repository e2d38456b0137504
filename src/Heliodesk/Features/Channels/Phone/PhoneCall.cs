using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Phone;

public enum CallDirection { Inbound, Outbound }

/// <summary>
/// A phone conversation logged on a ticket by the agent who had it (Heliodesk is not the telephone
/// system; the call itself, and its recording, live with the customer's phone provider).
/// </summary>
public sealed class PhoneCall : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public CallDirection Direction { get; init; }
    /// <summary>The caller's number; for an outbound call the agent's line, when known.</summary>
    public string? From { get; init; }

    /// <summary>The number called; for an inbound call the team's line, when known.</summary>
    public string? To { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public int DurationSeconds { get; init; }
    public string? RecordingUrl { get; init; }
    public string? Notes { get; init; }
    public Guid LoggedById { get; init; }
    public required string LoggedByName { get; init; }
    public DateTimeOffset LoggedAt { get; init; }

    /// <summary>The callback request this call answered, if any.</summary>
    public Guid? CallbackId { get; init; }

}

internal sealed class PhoneCallConfiguration : IEntityTypeConfiguration<PhoneCall>
{
    public void Configure(EntityTypeBuilder<PhoneCall> builder)
    {
        builder.HasIndex(c => new { c.WorkspaceId, c.TicketId, c.StartedAt });
        builder.Property(c => c.From).HasMaxLength(Limits.Phone);
        builder.Property(c => c.To).HasMaxLength(Limits.Phone);
        builder.Property(c => c.RecordingUrl).HasMaxLength(Limits.Url);
        builder.Property(c => c.Notes).HasMaxLength(Limits.MessageText);
        builder.Property(c => c.LoggedByName).HasMaxLength(Limits.Name);
    }
}
