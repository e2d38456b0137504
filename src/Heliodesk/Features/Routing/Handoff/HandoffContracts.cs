using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;

namespace Heliodesk.Features.Routing.Handoff;

public sealed record HandoffNoteRequest(
    [property: MaxLength(HandoffLimits.Note)] string? Tried = null,
    [property: MaxLength(HandoffLimits.Note)] string? NextStep = null);

/// <summary>A null reason lets the ticket go to the next region again.</summary>
public sealed record StickyRequest(StickyReason? Reason);

public sealed record HandoffSummaryResponse(
    DateTimeOffset At, Guid FromAgentId, string? FromRegion, string? ToRegion, HandoffOutcome Outcome, bool WasDeferred,
    string? KeptBecause, string? CustomerMessage, string? Tried, string? NextStep)
{
    public static HandoffSummaryResponse Of(TicketHandoff h) =>
        new(h.SettledAt ?? h.At, h.FromAgentId, h.FromRegion, h.ToRegion, h.Outcome, h.WasDeferred, h.KeptBecause, h.CustomerMessage, h.Tried, h.NextStep);
}

/// <summary>A ticket's handoff state: the note being kept, the sticky mark, and the last shift changes it went through.</summary>
public sealed record TicketHandoffResponse(
    Guid TicketId, string? Tried, string? NextStep, DateTimeOffset? NoteUpdatedAt, Guid? NoteUpdatedBy,
    StickyReason? Sticky, Guid? StickyAgentId, HandoffSummaryResponse? LastHandover, IReadOnlyList<HandoffSummaryResponse> History);

public sealed record DigestWebhookRequest([property: Required, MaxLength(Limits.Url)] string Url);

public sealed record DigestWebhookResponse(string Region, string UrlHint);

public sealed record DigestResponse(Guid Id, string Region, DateTimeOffset At, string Text, bool Posted, DateTimeOffset? DeliveredAt)
{
    public static DigestResponse Of(HandoffDigest d) => new(d.Id, d.Region, d.At, d.Text, d.Posted, d.DeliveredAt);
}

public sealed record DigestPage(IReadOnlyList<DigestResponse> Items, string? NextCursor);
