using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Routing.Tank;

public sealed record TankRotationRequest(
    [property: Required, MaxLength(Limits.TimeZone)] string TimeZone,
    [property: Required] DateOnly? FirstWeek,
    [property: Required, MinLength(1), MaxLength(200)] List<Guid> AgentIds);

public sealed record TankWeekResponse(DateOnly Monday, DateTimeOffset Starts, DateTimeOffset Ends, Guid? OwnerId);

public sealed record TankRotationResponse(string TimeZone, DateOnly FirstWeek, IReadOnlyList<Guid> AgentIds, IReadOnlyList<TankWeekResponse> Weeks);

public sealed record TankQueueRequest([property: Range(1, 1000)] int MaxTouches);

public sealed record TankQueueResponse(Guid QueueId, int MaxTouches);

public sealed record TankTicketResponse(Guid TicketId, long Number, string Subject, Guid? AssigneeId, DateTimeOffset Since, string Reason);

/// <summary>The tank rotation (who owns long, many-touch tickets each week), the per-queue touch limit, and the tank list.</summary>
public static class TankApi
{
    public static RouteGroupBuilder MapTankApi(this RouteGroupBuilder api)
    {
        var tank = api.MapGroup("/tank").WithTags("Routing").RequireAuthorization(Policies.Staff);
        tank.MapGet("/rotation", GetTankRotation).WithName(nameof(GetTankRotation));
        tank.MapPut("/rotation", PutTankRotation).RequireAuthorization(Policies.Lead).WithWriteTransaction().WithName(nameof(PutTankRotation));
        tank.MapGet("/tickets", ListTankTickets).WithName(nameof(ListTankTickets));
        api.MapGet("/queues/{id:guid}/tank", GetQueueTank).WithTags("Routing").RequireAuthorization(Policies.Staff).WithName(nameof(GetQueueTank));
        api.MapPut("/queues/{id:guid}/tank", PutQueueTank).WithTags("Routing").RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(PutQueueTank));
        return api;
    }

    public static async Task<Results<Ok<TankRotationResponse>, NotFound>> GetTankRotation(HeliodeskDb db, TimeProvider time, CancellationToken ct) =>
        await db.Set<TankRotation>().AsNoTracking().FirstOrDefaultAsync(ct) is { } rotation
            ? TypedResults.Ok(Describe(rotation, time.GetUtcNow()))
            : TypedResults.NotFound();

    public static async Task<Ok<TankRotationResponse>> PutTankRotation(TankRotationRequest request, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var zone = Fields.TimeZone(request.TimeZone);
        var agents = request.AgentIds.Distinct().ToList();
        if (agents.Count != request.AgentIds.Count)
        {
            throw new DomainRuleException("agentIds", "Name each agent once; the rotation repeats by itself.");
        }
        var known = await db.Agents.Where(a => agents.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync(ct);
        if (agents.FirstOrDefault(a => !known.Contains(a)) is var unknown && unknown != Guid.Empty)
        {
            throw new DomainRuleException("agentIds", $"No active agent {unknown} in this workspace.");
        }
        var rotation = await db.Set<TankRotation>().FirstOrDefaultAsync(ct);
        if (rotation is null)
        {
            rotation = new TankRotation { WorkspaceId = db.CurrentWorkspaceId, TimeZone = zone };
            db.Set<TankRotation>().Add(rotation);
        }
        (rotation.TimeZone, rotation.FirstWeek, rotation.AgentIds, rotation.UpdatedAt) = (zone, request.FirstWeek!.Value, agents, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Describe(rotation, time.GetUtcNow()));
    }

    public static async Task<Ok<List<TankTicketResponse>>> ListTankTickets(Caller caller, HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok(await db.Set<TankMark>().AsNoTracking()
            .Join(db.Tickets.VisibleTo(db, caller).Where(t => TicketStatuses.Unsolved.Contains(t.Status)), m => m.TicketId, t => t.Id,
                (m, t) => new TankTicketResponse(t.Id, t.Number, t.Subject, t.AssigneeId, m.Since, m.Reason))
            .OrderBy(t => t.Number).Take(Limits.ListPage).ToListAsync(ct));

    public static async Task<Results<Ok<TankQueueResponse>, NotFound>> GetQueueTank(Guid id, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Set<RoutingQueue>().AnyAsync(q => q.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var setting = await db.Set<TankQueueSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.QueueId == id, ct);
        return TypedResults.Ok(new TankQueueResponse(id, setting?.MaxTouches ?? TankQueueSetting.DefaultMaxTouches));
    }

    public static async Task<Results<Ok<TankQueueResponse>, NotFound>> PutQueueTank(Guid id, TankQueueRequest request, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Set<RoutingQueue>().AnyAsync(q => q.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var setting = await db.Set<TankQueueSetting>().FirstOrDefaultAsync(s => s.QueueId == id, ct);
        if (setting is null)
        {
            setting = new TankQueueSetting { WorkspaceId = db.CurrentWorkspaceId, QueueId = id };
            db.Set<TankQueueSetting>().Add(setting);
        }
        setting.MaxTouches = request.MaxTouches;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TankQueueResponse(id, setting.MaxTouches));
    }

    /// <summary>The rotation with this week and the next three, so a lead can check the turns before they happen.</summary>
    private static TankRotationResponse Describe(TankRotation rotation, DateTimeOffset now)
    {
        var roster = new TankRoster(DateTimeZoneProviders.Tzdb[rotation.TimeZone], LocalDate.FromDateOnly(rotation.FirstWeek), rotation.AgentIds);
        var weeks = new List<TankWeekResponse>();
        var at = Instant.FromDateTimeOffset(now);
        for (var i = 0; i < 4; i++)
        {
            var week = roster.WeekOf(at);
            weeks.Add(new TankWeekResponse(week.Monday.ToDateOnly(), week.Start.ToDateTimeOffset(), week.End.ToDateTimeOffset(), week.Owner));
            at = week.End;
        }
        return new TankRotationResponse(rotation.TimeZone, rotation.FirstWeek, rotation.AgentIds, weeks);
    }
}
