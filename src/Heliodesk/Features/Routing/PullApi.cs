using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

public sealed record PulledTicket(Guid TicketId, Guid QueueId, string Reason, bool NeedsLanguage);

/// <summary>
/// "Give me the next one": an agent takes the most urgent, then longest-waiting ticket from the queues they
/// belong to (their teams' queues and queues without a team) that they are eligible for. Asking counts as being
/// available, so status and shift are not checked; language, skills, tier and capacity are.
/// </summary>
public static class PullApi
{
    private const int Lookahead = 200;

    public static RouteGroupBuilder MapPullApi(this RouteGroupBuilder api)
    {
        api.MapPost("/queues/next", TakeNextTicket).WithTags("Routing").RequireAuthorization(Policies.Agent)
            .WithWriteTransaction().WithName(nameof(TakeNextTicket));
        return api;
    }

    public static async Task<Results<Ok<PulledTicket>, NoContent>> TakeNextTicket(
        Caller caller, HeliodeskDb db, RoutingAgents agents, RoutingClaims claims, QueueEntry entry, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var me = (await agents.LoadAsync(now, caller.AgentId, ct)).Single();
        var available = me with { Snapshot = me.Snapshot with { Status = AgentStatus.Online, OnShift = true } };
        var queues = (await db.Set<RoutingQueue>().AsNoTracking().ToListAsync(ct))
            .Where(q => available.InPool(q, null, OverflowSteps.AnyRegion)).ToDictionary(q => q.Id);
        var fallback = await entry.FallbackLanguageAsync(ct);

        foreach (var ticket in await RoutingQueueReader.WaitingAsync(db, queues.Keys, Lookahead, ct))
        {
            var queue = queues[ticket.QueueId];
            if (AssignmentStrategy.Choose(ticket.NeedsIn(queue), [available.Snapshot], ticket.OptionsWith(fallback), StrategyKind.Pull) is { } decision
                && await claims.TryClaimAsync(ticket.TicketId, caller.AgentId, decision.Reason, decision.NeedsLanguage, now, ct))
            {
                return TypedResults.Ok(new PulledTicket(ticket.TicketId, queue.Id, decision.Reason, decision.NeedsLanguage));
            }
        }
        return TypedResults.NoContent();
    }
}
