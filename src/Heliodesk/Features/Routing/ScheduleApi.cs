using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Heliodesk.Features.Routing;

/// <summary>Times are "HH:mm" in the agent's own time zone; an end at or before the start runs past midnight.</summary>
public sealed record ShiftDto([property: Required] IsoDayOfWeek? Day, [property: Required] string Start, [property: Required] string End);

public sealed record TimeOffDto([property: Required] DateOnly? First, [property: Required] DateOnly? Last, [property: MaxLength(Limits.Subject)] string? Note = null);

public sealed record ExtraShiftDto([property: Required] DateOnly? Date, [property: Required] string Start, [property: Required] string End, [property: MaxLength(Limits.Subject)] string? Note = null);

public sealed record ScheduleRequest(
    [property: Required, MaxLength(50)] List<ShiftDto> Shifts,
    [property: MaxLength(200)] List<TimeOffDto>? TimeOff = null,
    [property: MaxLength(200)] List<ExtraShiftDto>? ExtraShifts = null);

public sealed record SwapRequest([property: Required] Guid? WithAgentId, [property: Required] DateOnly? Date);

public sealed record ShiftTime(DateTimeOffset Start, DateTimeOffset End);

public sealed record ScheduleResponse(
    Guid AgentId, string TimeZone, string? Region, IReadOnlyList<ShiftDto> Shifts, IReadOnlyList<TimeOffDto> TimeOff,
    IReadOnlyList<ExtraShiftDto> ExtraShifts, bool OnShiftNow, IReadOnlyList<ShiftTime> Upcoming);

/// <summary>
/// An agent's working week, their time off and one-off shifts, and the next shifts as real instants (DST and
/// regional holidays applied). Leads plan schedules; everyone on staff can read them, and agents their own.
/// </summary>
public static class ScheduleApi
{
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static RouteGroupBuilder MapScheduleApi(this RouteGroupBuilder api)
    {
        const string Path = "/agents/{id:guid}/schedule";
        api.MapGet(Path, GetSchedule).WithTags("Schedules").RequireAuthorization(Policies.Agent).WithName(nameof(GetSchedule));
        api.MapPut(Path, ReplaceSchedule).WithTags("Schedules").RequireAuthorization(Policies.Lead).WithWriteTransaction().WithName(nameof(ReplaceSchedule));
        api.MapPost(Path + "/swap", SwapShift).WithTags("Schedules").RequireAuthorization(Policies.Lead).WithWriteTransaction().WithName(nameof(SwapShift));
        return api;
    }

    public static async Task<Results<Ok<ScheduleResponse>, NotFound>> GetSchedule(
        Guid id, Caller caller, HeliodeskDb db, ScheduleStore store, TimeProvider time, int? days, CancellationToken ct)
    {
        if (caller.Role == AgentRole.Contractor && caller.AgentId != id)
        {
            return TypedResults.NotFound();
        }
        return await DescribeAsync(db, store, id, time.GetUtcNow(), Math.Clamp(days ?? 7, 1, 31), ct) is { } schedule ? TypedResults.Ok(schedule) : TypedResults.NotFound();
    }

    /// <summary>Replaces the whole schedule at once, so a plan is never half-applied.</summary>
    public static async Task<Results<Ok<ScheduleResponse>, NotFound>> ReplaceSchedule(
        Guid id, ScheduleRequest request, HeliodeskDb db, ScheduleStore store, TimeProvider time, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.IsActive, ct);
        if (agent is null)
        {
            return TypedResults.NotFound();
        }
        var shifts = request.Shifts.Select(s => new AgentShift
        {
            WorkspaceId = agent.WorkspaceId,
            AgentId = id,
            Day = s.Day!.Value,
            Start = Time(s.Start, "shifts"),
            End = Time(s.End, "shifts"),
        }).ToList();
        var exceptions = (request.TimeOff ?? []).Select(t => t.First > t.Last
                ? throw new DomainRuleException("timeOff", "Each time off ends on or after its first day.")
                : new ScheduleException { WorkspaceId = agent.WorkspaceId, AgentId = id, Kind = ScheduleExceptionKind.TimeOff, First = t.First!.Value, Last = t.Last!.Value, Note = t.Note })
            .Concat((request.ExtraShifts ?? []).Select(e => new ScheduleException
            {
                WorkspaceId = agent.WorkspaceId,
                AgentId = id,
                Kind = ScheduleExceptionKind.ExtraShift,
                First = e.Date!.Value,
                Last = e.Date!.Value,
                Start = Time(e.Start, "extraShifts"),
                End = Time(e.End, "extraShifts"),
                Note = e.Note,
            })).ToList();

        await db.Set<AgentShift>().Where(s => s.AgentId == id).ExecuteDeleteAsync(ct);
        await db.Set<ScheduleException>().Where(e => e.AgentId == id).ExecuteDeleteAsync(ct);
        db.AddRange(shifts);
        db.AddRange(exceptions);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await DescribeAsync(db, store, id, time.GetUtcNow(), 7, ct))!);
    }

    /// <summary>The agent's shifts on that local date go to a colleague: time off for one, the same hours as extra shifts for the other.</summary>
    public static async Task<Results<Ok<ScheduleResponse>, NotFound>> SwapShift(
        Guid id, SwapRequest request, HeliodeskDb db, ScheduleStore store, TimeProvider time, CancellationToken ct)
    {
        var date = request.Date!.Value;
        var agent = await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.IsActive, ct);
        if (agent is null)
        {
            return TypedResults.NotFound();
        }
        if (request.WithAgentId == id || !await db.Agents.AnyAsync(a => a.Id == request.WithAgentId && a.IsActive, ct))
        {
            throw new DomainRuleException("withAgentId", "Name another active agent of this workspace.");
        }
        // The same instants change hands: a Vilnius 09:00–17:00 becomes 15:00–23:00 for a colleague in Manila.
        var withAgentId = request.WithAgentId!.Value;
        var schedules = await store.LoadAsync([id], date.AddDays(-1), ct);
        var local = LocalDate.FromDateOnly(date);
        var theirs = await db.Agents.AsNoTracking().Where(a => a.Id == withAgentId).Select(a => new { a.Name, a.TimeZone }).SingleAsync(ct);
        var theirZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(theirs.TimeZone) ?? DateTimeZone.Utc;
        var shifts = schedules.TryGetValue(id, out var schedule)
            ? ShiftCalendar.InstancesOverlapping(schedule, local.AtStartOfDayInZone(schedule.Pattern.Zone).ToInstant(), local.PlusDays(1).AtStartOfDayInZone(schedule.Pattern.Zone).ToInstant())
                .Where(i => i.Start.InZone(schedule.Pattern.Zone).Date == local).ToList()
            : [];
        if (shifts.Count == 0)
        {
            throw new DomainRuleException("date", $"The agent has no shift on {date:yyyy-MM-dd} to swap.");
        }
        // Each side's note names the other one: whose hours these are, who covers this day off.
        db.Add(new ScheduleException { WorkspaceId = agent.WorkspaceId, AgentId = id, Kind = ScheduleExceptionKind.TimeOff, First = date, Last = date, Note = $"Swap with {theirs.Name}" });
        db.AddRange(shifts.Select(s => (Start: s.Start.InZone(theirZone), End: s.End.InZone(theirZone))).Select(s => new ScheduleException
        {
            WorkspaceId = agent.WorkspaceId,
            AgentId = withAgentId,
            Kind = ScheduleExceptionKind.ExtraShift,
            First = s.Start.Date.ToDateOnly(),
            Last = s.Start.Date.ToDateOnly(),
            Start = s.Start.TimeOfDay.ToTimeOnly(),
            End = s.End.TimeOfDay.ToTimeOnly(),
            Note = $"Swap with {agent.Name}",
        }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await DescribeAsync(db, store, id, time.GetUtcNow(), 7, ct))!);
    }

    private static async Task<ScheduleResponse?> DescribeAsync(HeliodeskDb db, ScheduleStore store, Guid id, DateTimeOffset now, int days, CancellationToken ct)
    {
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.TimeZone, a.Region }).FirstOrDefaultAsync(ct);
        if (agent is null)
        {
            return null;
        }
        var shifts = await db.Set<AgentShift>().AsNoTracking().Where(s => s.AgentId == id).OrderBy(s => s.Day).ThenBy(s => s.Start).ToListAsync(ct);
        var exceptions = await db.Set<ScheduleException>().AsNoTracking().Where(e => e.AgentId == id).OrderBy(e => e.First).ToListAsync(ct);
        var schedule = (await store.LoadAsync([id], DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)), ct)).GetValueOrDefault(id);
        var from = Instant.FromDateTimeOffset(now);
        var upcoming = schedule is null ? [] : ShiftCalendar.InstancesOverlapping(schedule, from, from + Duration.FromDays(days))
            .Select(i => new ShiftTime(i.Start.ToDateTimeOffset(), i.End.ToDateTimeOffset())).ToList();
        return new ScheduleResponse(id, agent.TimeZone, agent.Region,
            [.. shifts.Select(s => new ShiftDto(s.Day, Format(s.Start), Format(s.End)))],
            [.. exceptions.Where(e => e.Kind == ScheduleExceptionKind.TimeOff).Select(e => new TimeOffDto(e.First, e.Last, e.Note))],
            [.. exceptions.Where(e => e.Kind == ScheduleExceptionKind.ExtraShift).Select(e => new ExtraShiftDto(e.First, Format(e.Start!.Value), Format(e.End!.Value), e.Note))],
            schedule is null || ShiftCalendar.IsOnShift(schedule, from), upcoming);
    }

    private static TimeOnly Time(string raw, string field) =>
        Clock.Parse(raw.Trim()) is { Success: true } parsed ? parsed.Value.ToTimeOnly()
            : throw new DomainRuleException(field, $"'{raw}' is not a time: write it as HH:mm, like 09:00 or 17:30.");

    private static string Format(TimeOnly time) => Clock.Format(LocalTime.FromTimeOnly(time));
}
