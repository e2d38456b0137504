using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

public sealed record CandidateResponse(Guid AgentId, string Name, bool Eligible, bool NeedsLanguage, IReadOnlyList<string> Reasons);

public sealed record TicketRoutingResponse(
    Guid TicketId, RoutingState? State, Guid? QueueId, string? QueueName, string? Region, DateTimeOffset? EnqueuedAt, int OverflowStep,
    DateTimeOffset? NextOverflowAt, bool NeedsLanguage, Guid? AssignedAgentId, DateTimeOffset? AssignedAt, string? Reason,
    IReadOnlyList<CandidateResponse> Candidates, EngineeringIssueResponse? EngineeringIssue);

/// <summary>
/// Where a ticket stands in routing and why: the reason its agent got it ("Lithuanian, Billing, T1, least
/// loaded"), the "needs language" flag, and while it waits, every agent of its queue with what stops them.
/// </summary>
public static class TicketRoutingApi
{
    public static RouteGroupBuilder MapTicketRoutingApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tickets/{id:guid}/routing", GetTicketRouting).WithTags("Routing").RequireAuthorization(Policies.Agent).WithName(nameof(GetTicketRouting));
        return api;
    }

    public static async Task<Results<Ok<TicketRoutingResponse>, NotFound>> GetTicketRouting(
        Guid id, Caller caller, HeliodeskDb db, RoutingAgents agents, QueueEntry entry, TimeProvider time, CancellationToken ct)
    {
        var ticket = await db.Tickets.VisibleTo(db, caller).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        var row = await db.Set<TicketRouting>().AsNoTracking().FirstOrDefaultAsync(r => r.TicketId == id, ct);
        var queue = row?.QueueId is { } queueId ? await db.Set<RoutingQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == queueId, ct) : null;
        IReadOnlyList<CandidateResponse> candidates = [];
        if (row is { State: RoutingState.Queued } && queue is not null && caller.Role != AgentRole.Contractor)
        {
            var waiting = new WaitingTicket(ticket.Id, queue.Id, row.Region, row.OverflowStep, row.EnqueuedAt, ticket.Priority, ticket.Language, ticket.Tier, ticket.Channel);
            var options = waiting.OptionsWith(await entry.FallbackLanguageAsync(ct));
            candidates = [.. (await agents.LoadAsync(time.GetUtcNow(), null, ct))
                .Select(a => (Agent: a, Result: Eligibility.Check(waiting.NeedsIn(queue), a.Snapshot, options)))
                .Select(c => new CandidateResponse(c.Agent.Id, c.Agent.Snapshot.Name, c.Result.IsEligible && c.Agent.InPool(queue, row.Region, row.OverflowStep),
                    c.Result.NeedsLanguage, [.. PoolReasons(c.Agent, queue, row), .. c.Result.Reasons]))
                .OrderByDescending(c => c.Eligible).ThenBy(c => c.Reasons.Count).ThenBy(c => c.Name)];
        }
        var issue = await db.Set<EngineeringLink>().AsNoTracking().Where(l => l.TicketId == id)
            .Select(l => new EngineeringIssueResponse(l.TicketId, l.Url, l.Status, l.LinkedAt, l.LinkedBy)).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(new TicketRoutingResponse(id, row?.State, row?.QueueId, queue?.Name, row?.Region, row?.EnqueuedAt, row?.OverflowStep ?? 0,
            row?.NextOverflowAt, row?.NeedsLanguage ?? false, row?.AssignedAgentId, row?.AssignedAt, row?.Reason, candidates, issue));
    }

    private static IEnumerable<string> PoolReasons(RoutingAgent agent, RoutingQueue queue, TicketRouting row)
    {
        if (queue.TeamId is { } team && !agent.Teams.Contains(team))
        {
            yield return "not in the queue's team";
        }
        if (row.Region is { } region && row.OverflowStep < OverflowSteps.AnyRegion && !string.Equals(agent.Region, region, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"not in region {region}";
        }
    }
}
