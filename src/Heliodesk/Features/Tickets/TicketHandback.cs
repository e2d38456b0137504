using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// Returns an agent's unsolved tickets to their queue when the agent can no longer work them (a
/// freelancer's contract ends, someone leaves). Each ticket keeps its team and gets an
/// assignee-changed event, so the next agent sees who had it; solved tickets keep their history.
/// </summary>
public sealed class TicketHandback(HeliodeskDb db)
{
    public async Task<int> ReturnToQueueAsync(Guid agentId, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var tickets = await db.Tickets.Include(t => t.Tags)
            .Where(t => t.AssigneeId == agentId && TicketStatuses.Unsolved.Contains(t.Status))
            .ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            ticket.Assign(null, actor, now);
        }
        return tickets.Count;
    }
}
