using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>
/// Giving one waiting ticket to one agent, safely against everyone else doing the same. The ticket is re-read,
/// must still be unassigned and unsolved, and is written back through its version (the concurrency token): if
/// another node, an agent pulling, or a person assigning got there first, the update matches no row and the
/// claim is refused instead of overwriting. Nothing here commits: the caller's transaction does.
/// </summary>
public sealed class RoutingClaims(HeliodeskDb db)
{
    public async Task<bool> TryClaimAsync(Guid ticketId, Guid agentId, string reason, bool needsLanguage, DateTimeOffset now, CancellationToken ct)
    {
        var ticket = await db.Tickets.Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        var routing = await db.Set<TicketRouting>().FirstOrDefaultAsync(r => r.TicketId == ticketId, ct);
        if (ticket is null || routing is not { State: RoutingState.Queued } || ticket.AssigneeId is not null || !TicketStatuses.Unsolved.Contains(ticket.Status))
        {
            db.ChangeTracker.Clear();
            return false;
        }

        ticket.AssignByRouting(agentId, reason, now);
        routing.MarkAssigned(agentId, reason, needsLanguage, now);
        await StampAsync(agentId, now, ct);
        return await SaveUnlessChangedAsync(db, ct);
    }

    /// <summary>
    /// Saves, or if a ticket changed since it was read (its version moved on), saves nothing and says so: the next
    /// pass starts from what is true. The tracker is emptied either way, so a refused change is not retried.
    /// </summary>
    public static async Task<bool> SaveUnlessChangedAsync(HeliodeskDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Remembers when the agent last got work: least loaded breaks ties by it, so equal loads take turns.</summary>
    private async Task StampAsync(Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        var capacity = await db.Set<AgentCapacity>().FirstOrDefaultAsync(c => c.AgentId == agentId, ct);
        if (capacity is null)
        {
            db.Set<AgentCapacity>().Add(new AgentCapacity { WorkspaceId = db.CurrentWorkspaceId, AgentId = agentId, LastAssignedAt = now });
        }
        else
        {
            capacity.LastAssignedAt = now;
        }
    }
}
