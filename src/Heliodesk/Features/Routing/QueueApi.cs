using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

public sealed record QueueRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    Guid? TeamId = null,
    [property: MaxLength(AgentProfile.MaxSkills)] List<string>? Skills = null,
    [property: Range(1, 3)] int? Tier = null,
    [property: MaxLength(Limits.ShortText)] string? Region = null,
    StrategyKind? Strategy = null,
    [property: Range(0, 7 * 24 * 3600)] int? OverflowAfterSeconds = null);

public sealed record QueueResponse(
    Guid Id, string Name, Guid? TeamId, IReadOnlyList<string> Skills, int Tier, string? Region, StrategyKind Strategy,
    int OverflowAfterSeconds, int Waiting, DateTimeOffset? OldestWaitingSince, DateTimeOffset CreatedAt);

/// <summary>Queues are shaped by admins (PUT replaces the whole queue); everyone on staff can see them and their depth.</summary>
public static class QueueApi
{
    public static RouteGroupBuilder MapQueueApi(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/queues").WithTags("Routing").RequireAuthorization(Policies.Staff);
        queues.MapGet("/", ListQueues).WithName(nameof(ListQueues));
        queues.MapGet("/{id:guid}", GetQueue).WithName(nameof(GetQueue));
        queues.MapPost("/", CreateQueue).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(CreateQueue));
        queues.MapPut("/{id:guid}", ReplaceQueue).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(ReplaceQueue));
        queues.MapDelete("/{id:guid}", DeleteQueue).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeleteQueue));
        return queues;
    }

    public static async Task<Ok<List<QueueResponse>>> ListQueues(HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok(await Project(db, db.Set<RoutingQueue>()).ToListAsync(ct));

    public static async Task<Results<Ok<QueueResponse>, NotFound>> GetQueue(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await Project(db, db.Set<RoutingQueue>().Where(q => q.Id == id)).FirstOrDefaultAsync(ct) is { } queue ? TypedResults.Ok(queue) : TypedResults.NotFound();

    public static async Task<Results<Created<QueueResponse>, ProblemHttpResult>> CreateQueue(
        QueueRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var queue = new RoutingQueue { WorkspaceId = caller.WorkspaceId, Name = "", CreatedAt = time.GetUtcNow() };
        await ApplyAsync(db, queue, request, ct);
        db.Set<RoutingQueue>().Add(queue);
        if (await db.SaveOrConflictAsync($"A queue named '{queue.Name}' already exists.", ct) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"/api/v1/queues/{queue.Id}", await Project(db, db.Set<RoutingQueue>().Where(q => q.Id == queue.Id)).SingleAsync(ct));
    }

    public static async Task<Results<Ok<QueueResponse>, NotFound, ProblemHttpResult>> ReplaceQueue(
        Guid id, QueueRequest request, HeliodeskDb db, CancellationToken ct)
    {
        var queue = await db.Set<RoutingQueue>().FirstOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null)
        {
            return TypedResults.NotFound();
        }
        await ApplyAsync(db, queue, request, ct);
        if (await db.SaveOrConflictAsync($"A queue named '{queue.Name}' already exists.", ct) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(await Project(db, db.Set<RoutingQueue>().Where(q => q.Id == id)).SingleAsync(ct));
    }

    /// <summary>Its rules go with it; tickets waiting in it are released and queued again by the remaining rules.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteQueue(Guid id, HeliodeskDb db, CancellationToken ct)
    {
        var queue = await db.Set<RoutingQueue>().FirstOrDefaultAsync(q => q.Id == id, ct);
        if (queue is null)
        {
            return TypedResults.NotFound();
        }
        await db.Set<TicketRouting>().Where(r => r.QueueId == id && r.State == RoutingState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RoutingState.Assigned).SetProperty(r => r.QueueId, (Guid?)null), ct);
        db.Set<RoutingQueue>().Remove(queue);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task ApplyAsync(HeliodeskDb db, RoutingQueue queue, QueueRequest request, CancellationToken ct)
    {
        await db.EnsureTeamAsync(request.TeamId, ct);
        queue.Name = AgentProfile.Name(request.Name);
        queue.TeamId = request.TeamId;
        queue.Skills = AgentProfile.Skills(request.Skills ?? []);
        queue.Tier = request.Tier ?? 1;
        queue.Region = AgentProfile.Region(request.Region);
        queue.Strategy = request.Strategy ?? StrategyKind.LeastLoaded;
        queue.OverflowAfterSeconds = request.OverflowAfterSeconds ?? 300;
    }

    private static async Task EnsureTeamAsync(this HeliodeskDb db, Guid? teamId, CancellationToken ct)
    {
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            throw new DomainRuleException("teamId", "No team with this id in this workspace.");
        }
    }

    private static IQueryable<QueueResponse> Project(HeliodeskDb db, IQueryable<RoutingQueue> queues)
    {
        var waiting = db.Set<TicketRouting>().Where(r => r.State == RoutingState.Queued);
        return queues.OrderBy(q => q.Name).Select(q => new QueueResponse(q.Id, q.Name, q.TeamId, q.Skills, q.Tier, q.Region, q.Strategy,
            q.OverflowAfterSeconds, waiting.Count(r => r.QueueId == q.Id),
            waiting.Where(r => r.QueueId == q.Id).OrderBy(r => r.EnqueuedAt).Select(r => (DateTimeOffset?)r.EnqueuedAt).FirstOrDefault(),
            q.CreatedAt));
    }
}
