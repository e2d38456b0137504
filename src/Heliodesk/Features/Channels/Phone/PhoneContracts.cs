using System.ComponentModel.DataAnnotations;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Channels.Phone;

/// <summary>
/// A call to log. The customer's number is required (from, inbound; to, outbound); startedAt defaults
/// to the call having just ended. A duration of 0 is a missed or unanswered call.
/// </summary>
public sealed record LogCallRequest(
    CallDirection Direction,
    [property: MaxLength(Limits.Phone)] string? From = null,
    [property: MaxLength(Limits.Phone)] string? To = null,
    DateTimeOffset? StartedAt = null,
    int DurationSeconds = 0,
    [property: MaxLength(Limits.Url)] string? RecordingUrl = null,
    [property: MaxLength(Limits.MessageText)] string? Notes = null,
    TicketStatus? Status = null,
    int? Version = null);

public sealed record PhoneCallResponse(
    Guid Id, Guid TicketId, CallDirection Direction, string? From, string? To, DateTimeOffset StartedAt, int DurationSeconds,
    string? RecordingUrl, string? Notes, Guid LoggedById, string LoggedByName, DateTimeOffset LoggedAt, Guid? CallbackId)
{
    public static PhoneCallResponse Of(PhoneCall c) => new(
        c.Id, c.TicketId, c.Direction, c.From, c.To, c.StartedAt, c.DurationSeconds, c.RecordingUrl, c.Notes,
        c.LoggedById, c.LoggedByName, c.LoggedAt, c.CallbackId);
}

/// <summary>
/// A callback to queue: on an existing ticket (ticketId), or on a new one opened for the requester.
/// The window is wall-clock time in the customer's zone, e.g. 2026-11-24T14:00 to 2026-11-24T16:00 in Europe/Vilnius.
/// </summary>
public sealed record RequestCallbackRequest(
    [property: Required, MaxLength(Limits.Phone)] string Phone,
    [property: Required, MaxLength(32)] string WindowStart,
    [property: Required, MaxLength(32)] string WindowEnd,
    [property: Required, MaxLength(Limits.TimeZone)] string TimeZone,
    Guid? TicketId = null,
    RequesterRequest? Requester = null,
    [property: MaxLength(Limits.Subject)] string? Subject = null,
    [property: MaxLength(Limits.MessageText)] string? Notes = null,
    Channel? Via = null);

/// <summary>One try at calling the customer back; "reached" completes the callback.</summary>
public sealed record CallbackAttemptRequest(
    CallOutcome Outcome,
    int DurationSeconds = 0,
    DateTimeOffset? StartedAt = null,
    [property: MaxLength(Limits.Phone)] string? From = null,
    [property: MaxLength(Limits.Url)] string? RecordingUrl = null,
    [property: MaxLength(Limits.MessageText)] string? Notes = null,
    TicketStatus? Status = null);

public sealed record CancelCallbackRequest([property: MaxLength(Limits.Subject)] string? Reason = null);

public sealed record CallbackResponse(
    Guid Id, Guid TicketId, long TicketNumber, string TicketSubject, Guid ContactId, string ContactName, string Phone,
    DateTimeOffset WindowStart, DateTimeOffset WindowEnd, string TimeZone, string WindowStartLocal, string WindowEndLocal,
    CallbackState State, Channel RequestedVia, DateTimeOffset RequestedAt, string? Notes, Guid? ClaimedById,
    int Attempts, CallOutcome? LastOutcome, DateTimeOffset? ClosedAt);

public sealed record CallbackPage(IReadOnlyList<CallbackResponse> Items, string? NextCursor);

public sealed record CallbackLogged(CallbackResponse Callback, PhoneCallResponse Call);
