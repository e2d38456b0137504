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
    public async Task<bool> TryClaimAsync(Guid ticketId, Guid agentId, string reason, bool needsLanguage, DateTimeOffset now, CancellationToken ct) =>
        await ClaimAllAsync([new RoutingClaim(ticketId, agentId, reason, needsLanguage)], now, ct) == 1;

    /// <summary>
    /// Claims a batch the way one claim is made, with three reads and one save for all of them: a router pass gives
    /// out hundreds at a time, and one round trip per statement per ticket is what limits it. If any ticket moved
    /// on since the pass read it, the batch save is refused as a whole and each claim is retried alone, so one
    /// stale decision costs only itself. Returns how many were claimed.
    /// </summary>
    public async Task<int> TryClaimAllAsync(IReadOnlyList<RoutingClaim> batch, DateTimeOffset now, CancellationToken ct)
    {
        var claimed = await ClaimAllAsync(batch, now, ct);
        if (claimed >= 0 || batch.Count == 1)
        {
            return Math.Max(claimed, 0);
        }
        var one = 0;
        foreach (var claim in batch)
        {
            one += await ClaimAllAsync([claim], now, ct) == 1 ? 1 : 0;
        }
        return one;
    }

    /// <summary>The claims still valid on a fresh read, saved together; -1 when the save found a changed version.</summary>
    private async Task<int> ClaimAllAsync(IReadOnlyList<RoutingClaim> batch, DateTimeOffset now, CancellationToken ct)
    {
        var ids = batch.Select(c => c.TicketId).ToList();
        var tickets = await db.Tickets.Include(t => t.Tags).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var routings = await db.Set<TicketRouting>().Where(r => ids.Contains(r.TicketId)).ToDictionaryAsync(r => r.TicketId, ct);
        var valid = batch.Where(c => tickets.TryGetValue(c.TicketId, out var ticket) && routings.TryGetValue(c.TicketId, out var routing)
            && routing.State == RoutingState.Queued && ticket.AssigneeId is null && TicketStatuses.Unsolved.Contains(ticket.Status)).ToList();
        if (valid.Count == 0)
        {
            db.ChangeTracker.Clear();
            return 0;
        }

        foreach (var claim in valid)
        {
            tickets[claim.TicketId].AssignByRouting(claim.AgentId, claim.Reason, now);
            routings[claim.TicketId].MarkAssigned(claim.AgentId, claim.Reason, claim.NeedsLanguage, now);
        }
        await StampAsync([.. valid.Select(c => c.AgentId).Distinct()], now, ct);
        return await SaveUnlessChangedAsync(db, ct) ? valid.Count : -1;
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

    /// <summary>Remembers when each agent last got work: least loaded breaks ties by it, so equal loads take turns.</summary>
    private async Task StampAsync(List<Guid> agentIds, DateTimeOffset now, CancellationToken ct)
    {
        var capacities = await db.Set<AgentCapacity>().Where(c => agentIds.Contains(c.AgentId)).ToDictionaryAsync(c => c.AgentId, ct);
        foreach (var agentId in agentIds)
        {
            if (capacities.TryGetValue(agentId, out var capacity))
            {
                capacity.LastAssignedAt = now;
            }
            else
            {
                db.Set<AgentCapacity>().Add(new AgentCapacity { WorkspaceId = db.CurrentWorkspaceId, AgentId = agentId, LastAssignedAt = now });
            }
        }
    }
}

/// <summary>One routing decision to apply: this ticket to this agent, for this reason.</summary>
public sealed record RoutingClaim(Guid TicketId, Guid AgentId, string Reason, bool NeedsLanguage);
