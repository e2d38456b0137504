using Heliodesk.Features.Tickets.Live;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>Whether someone is writing a reply on a ticket right now: then nothing reassigns it.</summary>
public static class ReplyInProgress
{
    public static bool IsBeingWritten(this TicketPresence presence, Guid ticketId) => presence.ViewersOf(ticketId).Any(v => v.IsTyping);
}
