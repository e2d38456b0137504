using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Channels.Phone;

public enum CallbackStatus { Requested, Completed, Cancelled }

/// <summary>How a callback state reads at a given moment: what an agent's queue sorts and filters by.</summary>
public enum CallbackState { Upcoming, Due, Overdue, Completed, Cancelled }

public enum CallOutcome { Reached, NoAnswer, Voicemail }

/// <summary>
/// A customer asked to be called back within a window of their own day. The window is kept as UTC
/// instants (what the queue sorts by) and as the zone it was asked in (what the agent reads back).
/// </summary>
public sealed class CallbackRequest : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public Guid ContactId { get; init; }
    public required string Phone { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public DateTimeOffset WindowEnd { get; init; }
    public required string TimeZone { get; init; }
    public string? Notes { get; init; }
    public Channel RequestedVia { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public CallbackStatus Status { get; set; }
    public Guid? ClaimedById { get; set; }
    public int Attempts { get; set; }
    public CallOutcome? LastOutcome { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public CallbackState StateAt(DateTimeOffset now) => Status switch
    {
        CallbackStatus.Completed => CallbackState.Completed,
        CallbackStatus.Cancelled => CallbackState.Cancelled,
        _ when now < WindowStart => CallbackState.Upcoming,
        _ when now <= WindowEnd => CallbackState.Due,
        _ => CallbackState.Overdue,
    };
}

internal sealed class CallbackRequestConfiguration : IEntityTypeConfiguration<CallbackRequest>
{
    public void Configure(EntityTypeBuilder<CallbackRequest> builder)
    {
        builder.ToTable("Callbacks");
        builder.HasIndex(c => new { c.WorkspaceId, c.Status, c.WindowStart, c.Id });
        builder.HasIndex(c => new { c.WorkspaceId, c.TicketId });
        builder.Property(c => c.Phone).HasMaxLength(Limits.Phone);
        builder.Property(c => c.TimeZone).HasMaxLength(Limits.TimeZone);
        builder.Property(c => c.Notes).HasMaxLength(Limits.MessageText);
    }
}
