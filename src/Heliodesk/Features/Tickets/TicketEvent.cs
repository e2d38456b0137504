using Heliodesk.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.Tickets;

public enum TicketEventType
{
    Created,
    ReplyAdded,
    NoteAdded,
    StatusChanged,
    PriorityChanged,
    UrgencyChanged,
    AssigneeChanged,
    TeamChanged,
    TierChanged,
    SubjectChanged,
    LanguageChanged,
    TagAdded,
    TagRemoved,
    FollowUpCreated,
    CallLogged,
    CallbackRequested,
    CallbackClosed,
    Queued,
    Routed,
    Overflowed,
    Escalated,
    Deescalated,
    EngineeringIssueLinked,
    HandedOver,
    KeptOverShiftChange,
    HandoffDeferred,
    StickyChanged,
    HandoffNoteWritten,
    TankMarked,
    MergedInto,
    MergedFrom,
    CallbackClaimed,
}

/// <summary>
/// One change to a ticket: who, when, which field, from what to what. Append-only: the audit
/// trail and the source every metric is computed from.
/// </summary>
public sealed class TicketEvent : IWorkspaceOwned
{
    public Guid Id { get; init; } = SequentialGuid.Next();
    public Guid WorkspaceId { get; init; }
    public Guid TicketId { get; init; }
    public DateTimeOffset At { get; init; }
    public TicketEventType Type { get; init; }
    public ActorKind ActorKind { get; init; }
    public Guid? ActorId { get; init; }
    public string? Field { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public Guid? MessageId { get; init; }
}

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.HasIndex(e => new { e.WorkspaceId, e.TicketId, e.At });
        builder.HasIndex(e => new { e.WorkspaceId, e.At, e.Id });
        builder.Property(e => e.Field).HasMaxLength(Limits.ShortText);
        builder.Property(e => e.From).HasMaxLength(Limits.Subject);
        builder.Property(e => e.To).HasMaxLength(Limits.Subject);
    }
}
