using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

public sealed record SetPresenceRequest(AgentStatus? Status = null)
{
    [Range(0, 50)]
    public int? MaxConcurrentChats { get; init; }

    /// <summary>Null in the body clears the limit; absent leaves it.</summary>
    public Optional<int?> MaxOpenTickets { get; init; }
}

public sealed record PresenceResponse(
    Guid AgentId, string Name, AgentStatus Status, string? Region, bool OnShift, int Tier,
    int LiveChats, int MaxConcurrentChats, int OpenTickets, int? MaxOpenTickets, DateTimeOffset? LastAssignedAt, DateTimeOffset? StatusChangedAt);

/// <summary>
/// Presence: whether an agent takes new work (online), keeps what they have but takes nothing new (away), or is
/// gone (offline), and how much work they can hold. Agents set their own status; leads set anyone's, and capacity.
/// </summary>
public static class PresenceApi
{
    public static RouteGroupBuilder MapPresenceApi(this RouteGroupBuilder api)
    {
        var presence = api.MapGroup("/presence").WithTags("Routing").RequireAuthorization(Policies.Agent);
        presence.MapGet("/", ListPresence).RequireAuthorization(Policies.Staff).WithName(nameof(ListPresence));
        presence.MapGet("/me", GetMyPresence).WithName(nameof(GetMyPresence));
        presence.MapPut("/me", SetMyPresence).WithWriteTransaction().WithName(nameof(SetMyPresence));
        api.MapPut("/agents/{id:guid}/presence", SetAgentPresence).WithTags("Routing")
            .RequireAuthorization(Policies.Lead).WithWriteTransaction().WithName(nameof(SetAgentPresence));
        return api;
    }

    public static async Task<Ok<List<PresenceResponse>>> ListPresence(RoutingAgents agents, HeliodeskDb db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(agents, db, time.GetUtcNow(), null, ct));

    public static async Task<Ok<PresenceResponse>> GetMyPresence(Caller caller, RoutingAgents agents, HeliodeskDb db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok((await DescribeAsync(agents, db, time.GetUtcNow(), caller.AgentId, ct)).Single());

    /// <summary>An agent's own status. Capacity is a lead's call, so it is refused here.</summary>
    public static async Task<Results<Ok<PresenceResponse>, ValidationProblem>> SetMyPresence(
        SetPresenceRequest request, Caller caller, RoutingAgents agents, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        if (request.MaxConcurrentChats is not null || request.MaxOpenTickets.IsSet)
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("maxConcurrentChats", "Capacity is set by a lead: PUT /api/v1/agents/{id}/presence."));
        }
        await ApplyAsync(db, caller.AgentId, request, time.GetUtcNow(), ct);
        return TypedResults.Ok((await DescribeAsync(agents, db, time.GetUtcNow(), caller.AgentId, ct)).Single());
    }

    public static async Task<Results<Ok<PresenceResponse>, NotFound>> SetAgentPresence(
        Guid id, SetPresenceRequest request, RoutingAgents agents, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        if (!await db.Agents.AnyAsync(a => a.Id == id && a.IsActive, ct))
        {
            return TypedResults.NotFound();
        }
        await ApplyAsync(db, id, request, time.GetUtcNow(), ct);
        return TypedResults.Ok((await DescribeAsync(agents, db, time.GetUtcNow(), id, ct)).Single());
    }

    private static async Task ApplyAsync(HeliodeskDb db, Guid agentId, SetPresenceRequest request, DateTimeOffset now, CancellationToken ct)
    {
        if (request.MaxOpenTickets is { IsSet: true, Value: < 0 or > 10_000 })
        {
            throw new DomainRuleException("maxOpenTickets", "Use a number from 0 to 10000, or null for no limit.");
        }
        var agent = await db.Agents.SingleAsync(a => a.Id == agentId, ct);
        var capacity = await db.Set<AgentCapacity>().FirstOrDefaultAsync(c => c.AgentId == agentId, ct);
        if (capacity is null)
        {
            capacity = new AgentCapacity { WorkspaceId = agent.WorkspaceId, AgentId = agentId };
            db.Set<AgentCapacity>().Add(capacity);
        }
        if (request.Status is { } status && status != agent.Status)
        {
            // Away and offline keep the tickets already held: going offline only stops new assignments.
            agent.Status = status;
            capacity.StatusChangedAt = now;
        }
        capacity.MaxConcurrentChats = request.MaxConcurrentChats ?? capacity.MaxConcurrentChats;
        capacity.MaxOpenTickets = request.MaxOpenTickets.IsSet ? request.MaxOpenTickets.Value : capacity.MaxOpenTickets;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<PresenceResponse>> DescribeAsync(RoutingAgents agents, HeliodeskDb db, DateTimeOffset now, Guid? agentId, CancellationToken ct)
    {
        var changed = await db.Set<AgentCapacity>().AsNoTracking().Where(c => agentId == null || c.AgentId == agentId)
            .ToDictionaryAsync(c => c.AgentId, c => c.StatusChangedAt, ct);
        return [.. (await agents.LoadAsync(now, agentId, ct)).OrderBy(a => a.Snapshot.Name).ThenBy(a => a.Id).Select(a =>
        {
            var s = a.Snapshot;
            return new PresenceResponse(s.Id, s.Name, s.Status, a.Region, s.OnShift, s.Tier, s.LoadOn(Channel.Chat),
                s.CapacityOn(Channel.Chat) ?? AgentCapacity.DefaultMaxConcurrentChats, s.OpenTickets, s.MaxOpenTickets, s.LastAssignedAt,
                changed.GetValueOrDefault(s.Id));
        })];
    }
}
