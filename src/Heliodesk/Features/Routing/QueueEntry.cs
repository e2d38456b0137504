using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>
/// How tickets get into queues and widen while they wait. A ticket enters a queue when it is unsolved, has no
/// assignee and is not already waiting: new tickets, and tickets handed back, escalated or released at a shift
/// change. Each entry and each widening step is an event on the ticket, so its history shows where it waited.
/// </summary>
public sealed class QueueEntry(HeliodeskDb db)
{
    /// <summary>Queues the tickets that need it; -1 when the workspace has no rules, i.e. does not route.</summary>
    public async Task<int> EnqueueWaitingAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Set<RoutingRule>().AnyAsync(ct))
        {
            return -1;
        }
        var routed = db.Set<TicketRouting>();
        var tickets = await db.Tickets.Include(t => t.Tags)
            .Where(t => t.AssigneeId == null && TicketStatuses.Unsolved.Contains(t.Status))
            .Where(t => !routed.Any(r => r.TicketId == t.Id && r.State != RoutingState.Assigned))
            .OrderBy(t => t.Number).Take(Router.BatchSize * 5)
            .ToListAsync(ct);
        if (tickets.Count == 0)
        {
            return 0;
        }
        // Rules are read after the tickets: a rule change releases unmatched tickets in the same commit that adds
        // the rule, so any released ticket seen above is judged by a table that includes that rule.
        var rules = await db.Set<RoutingRule>().AsNoTracking().ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var rows = await routed.Where(r => ids.Contains(r.TicketId)).ToDictionaryAsync(r => r.TicketId, ct);
        var orgIds = tickets.Where(t => t.OrganizationId != null).Select(t => t.OrganizationId!.Value).Distinct().ToList();
        var plans = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Plan, ct);
        var queues = await db.Set<RoutingQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, ct);

        var queued = 0;
        foreach (var ticket in tickets)
        {
            if (!rows.TryGetValue(ticket.Id, out var row))
            {
                row = new TicketRouting { WorkspaceId = ticket.WorkspaceId, TicketId = ticket.Id };
                routed.Add(row);
            }
            var facts = new TicketFacts(ticket.Channel, ticket.Language, ticket.Priority, ticket.Tier,
                [.. ticket.Tags.Select(t => t.Name)], ticket.OrganizationId, ticket.OrganizationId is { } org ? plans.GetValueOrDefault(org) : null);
            if (RoutingRule.FirstMatch(rules, facts) is not { } rule || !queues.TryGetValue(rule.QueueId, out var queue))
            {
                row.State = RoutingState.Unmatched;
                continue;
            }
            Enqueue(ticket, row, queue, now, row.Region);
            queued++;
        }
        return await RoutingClaims.SaveUnlessChangedAsync(db, ct) ? queued : 0;
    }

    /// <summary>Tickets waiting past their queue's timeout widen one step: any region, then a fallback language.</summary>
    public async Task<int> WidenOverdueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<TicketRouting>()
            .Where(r => r.State == RoutingState.Queued && r.NextOverflowAt != null && r.NextOverflowAt <= now && r.OverflowStep < OverflowSteps.Last)
            .OrderBy(r => r.NextOverflowAt).Take(Router.BatchSize * 5)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var ids = due.Select(r => r.TicketId).ToList();
        var tickets = await db.Tickets.Include(t => t.Tags).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var queues = await db.Set<RoutingQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, ct);
        var fallback = await FallbackLanguageAsync(ct);
        foreach (var row in due)
        {
            var queue = queues[row.QueueId!.Value];
            row.OverflowStep++;
            row.NextOverflowAt = row.OverflowStep < OverflowSteps.Last ? now + queue.OverflowAfter : null;
            tickets[row.TicketId].RecordRouting(TicketEventType.Overflowed, "queue", queue.Name,
                OverflowSteps.Describe(row.OverflowStep, fallback), Actor.System, now);
        }
        return await RoutingClaims.SaveUnlessChangedAsync(db, ct) ? due.Count : 0;
    }

    /// <summary>
    /// Puts one ticket (already loaded and tracked) back in line now, for the region given or the queue's own;
    /// used when it is escalated or handed over. The caller saves.
    /// </summary>
    public async Task RequeueAsync(Ticket ticket, string? region, DateTimeOffset now, CancellationToken ct)
    {
        var row = await db.Set<TicketRouting>().FirstOrDefaultAsync(r => r.TicketId == ticket.Id, ct);
        if (row is null)
        {
            row = new TicketRouting { WorkspaceId = ticket.WorkspaceId, TicketId = ticket.Id };
            db.Set<TicketRouting>().Add(row);
        }
        // No queue yet: the next pass applies the rules (at the ticket's new tier) and queues it.
        row.State = RoutingState.Assigned;
        row.AssignedAgentId = null;
        row.Region = region;
    }

    /// <summary>The language a widened pool may fall back to: the workspace's default language.</summary>
    public Task<string> FallbackLanguageAsync(CancellationToken ct)
    {
        var workspaceId = db.CurrentWorkspaceId;
        return db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.DefaultLanguage).SingleAsync(ct);
    }

    private static void Enqueue(Ticket ticket, TicketRouting row, RoutingQueue queue, DateTimeOffset now, string? region)
    {
        row.Enqueue(queue, now, region);
        if (queue.TeamId is { } team && ticket.TeamId != team)
        {
            ticket.SetTeam(team, Actor.System, now);
        }
        ticket.RecordRouting(TicketEventType.Queued, "queue", null, region is null ? queue.Name : $"{queue.Name} ({region})", Actor.System, now);
    }
}
