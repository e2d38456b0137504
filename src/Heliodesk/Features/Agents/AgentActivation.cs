using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

/// <summary>
/// Deactivation ends someone's access without deleting their history: the sign-in, their cookies
/// and their API tokens stop working at once (the auth handlers only accept active agents), while
/// tickets, messages and events keep naming them. Their unsolved tickets go back to the queue.
/// Reactivation gives the access back (not the tickets: others may have picked them up).
/// </summary>
public static class AgentActivation
{
    public static RouteGroupBuilder MapAgentActivation(this RouteGroupBuilder agents)
    {
        agents.MapPost("/{id:guid}/deactivate", DeactivateAgent).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeactivateAgent));
        agents.MapPost("/{id:guid}/reactivate", ReactivateAgent).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(ReactivateAgent));
        return agents;
    }

    public static async Task<Results<Ok<AgentResponse>, NotFound, ProblemHttpResult>> DeactivateAgent(
        Guid id, Caller caller, HeliodeskDb db, TicketHandback handback, TimeProvider time, CancellationToken ct)
    {
        await OwnerRules.LockAsync(db, caller.WorkspaceId, ct);
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return TypedResults.NotFound();
        }
        if (agent.Id == caller.AgentId)
        {
            // Locking yourself out is never what was meant; another admin can do it deliberately.
            return ConflictingWrites.Conflict("You cannot deactivate yourself; ask another admin.");
        }
        if (RefuseOwnerChange(agent, caller) is { } forbidden)
        {
            return forbidden;
        }
        if (agent.Role == AgentRole.Owner && agent.IsActive && !await OwnerRules.AnotherActiveOwnerAsync(db, agent.Id, ct))
        {
            return ConflictingWrites.Conflict("The workspace must keep at least one active owner; make someone else an owner first.");
        }
        if (agent.IsActive)
        {
            var now = time.GetUtcNow();
            agent.IsActive = false;
            agent.DeactivatedAt = now;
            agent.Status = AgentStatus.Offline;
            await handback.ReturnToQueueAsync(agent.Id, Actor.Agent(caller.AgentId), now, ct);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok((await AgentApi.FindAsync(db, id, ct))!);
    }

    public static async Task<Results<Ok<AgentResponse>, NotFound, ProblemHttpResult>> ReactivateAgent(
        Guid id, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return TypedResults.NotFound();
        }
        if (RefuseOwnerChange(agent, caller) is { } forbidden)
        {
            return forbidden;
        }
        if (!agent.IsActive)
        {
            agent.IsActive = true;
            agent.DeactivatedAt = null;
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.Ok((await AgentApi.FindAsync(db, id, ct))!);
    }

    // Taking away or giving back an owner's access is the same power as changing the Owner role.
    private static ProblemHttpResult? RefuseOwnerChange(Agent agent, Caller caller) =>
        agent.Role == AgentRole.Owner && caller.Role != AgentRole.Owner
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only an owner can deactivate or reactivate an owner.")
            : null;
}
