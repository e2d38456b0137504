using Heliodesk.Data;
using Heliodesk.Features.Tickets.Live;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// Runs inside every save: a changed ticket gets a new version (the concurrency token, so a stale
/// writer fails) and the events its methods recorded are written in the same transaction. The change
/// is noted for the live <see cref="TicketFeed"/>, which publishes it once the transaction commits.
/// </summary>
internal static class TicketChangeTracking
{
    public static void Apply(HeliodeskDb db)
    {
        var changes = new List<TicketChange>();
        foreach (var entry in db.ChangeTracker.Entries<Ticket>().ToList())
        {
            var ticket = entry.Entity;
            var changed = entry.State is EntityState.Added or EntityState.Modified || ticket.PendingEvents.Count > 0;
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && ticket.PendingEvents.Count > 0))
            {
                ticket.Version++;
            }
            if (changed)
            {
                var last = ticket.PendingEvents.LastOrDefault();
                changes.Add(new TicketChange(ticket.WorkspaceId, ticket.Id, ticket.Number, ticket.Version,
                    ticket.PendingEvents.Select(e => e.Type).Distinct().ToList(), last?.ActorId,
                    ticket.PendingEvents.LastOrDefault(e => e.MessageId is not null)?.MessageId));
            }
            if (ticket.PendingEvents.Count > 0)
            {
                db.TicketEvents.AddRange(ticket.PendingEvents);
                ticket.PendingEvents.Clear();
            }
        }
        db.RecordTicketChanges(changes);
    }
}
