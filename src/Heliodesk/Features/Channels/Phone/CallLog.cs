using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Phone;

/// <summary>Puts a call on a ticket: the call row and its line in the ticket's history, in the caller's transaction.</summary>
public sealed class CallLog(HeliodeskDb db, TimeProvider time)
{
    public PhoneCall Record(Ticket ticket, CallDetails call, bool connected, Caller caller, Guid? callbackId = null)
    {
        var now = time.GetUtcNow();
        var entry = new PhoneCall
        {
            WorkspaceId = ticket.WorkspaceId,
            TicketId = ticket.Id,
            Direction = call.Direction,
            From = call.From,
            To = call.To,
            StartedAt = call.StartedAt,
            DurationSeconds = call.DurationSeconds,
            RecordingUrl = call.RecordingUrl,
            Notes = call.Notes,
            LoggedById = caller.AgentId,
            LoggedByName = caller.Name,
            LoggedAt = now,
            CallbackId = callbackId,
        };
        ticket.RecordCall(call.Summary(connected), connected, call.StartedAt, Actor.Agent(caller.AgentId), now);
        db.Set<PhoneCall>().Add(entry);
        return entry;
    }

    /// <summary>A ticket's calls in the order they happened (the caller has already checked the ticket is visible).</summary>
    public static Task<List<PhoneCall>> ForTicketAsync(HeliodeskDb db, Guid ticketId, CancellationToken ct) =>
        db.Set<PhoneCall>().AsNoTracking().Where(c => c.TicketId == ticketId)
            .OrderBy(c => c.StartedAt).ThenBy(c => c.Id).Take(Limits.ListPage * 10).ToListAsync(ct);
}
