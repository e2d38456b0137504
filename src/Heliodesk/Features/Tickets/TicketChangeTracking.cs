using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// Runs inside every save: a changed ticket gets a new version (the concurrency token, so a stale
/// writer fails) and the events its methods recorded are written in the same transaction.
/// </summary>
internal static class TicketChangeTracking
{
    public static void Apply(HeliodeskDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Ticket>().ToList())
        {
            var ticket = entry.Entity;
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && ticket.PendingEvents.Count > 0))
            {
                ticket.Version++;
            }
            if (ticket.PendingEvents.Count > 0)
            {
                db.TicketEvents.AddRange(ticket.PendingEvents);
                ticket.PendingEvents.Clear();
            }
        }
    }
}
