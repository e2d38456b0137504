using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Routing;

public sealed record WeekAgent(Guid Id, string Name, string TimeZone, string? Region);

/// <summary>One worked shift of the week: real instants from <see cref="ShiftCalendar"/>; Extra for a one-off shift (a swap, an extra day).</summary>
public sealed record WeekShift(WeekAgent Agent, DateTimeOffset Start, DateTimeOffset End, bool Extra, string? Note);

public enum DayOffKind { TimeOff, Holiday }

/// <summary>A day an agent does not work although their pattern says so, or may say so: their time off or their region's holiday.</summary>
public sealed record WeekDayOff(WeekAgent Agent, DayOffKind Kind, string? Note);

public sealed record WeekDay(DateOnly Date, IReadOnlyList<WeekShift> Shifts, IReadOnlyList<WeekDayOff> Off);

/// <summary>
/// Who works when in one week. Days are read in <see cref="Zone"/> (the viewer's), or in each agent's own zone
/// when Zone is null. Unscheduled agents have no shift at all and take work whenever they are online.
/// </summary>
public sealed record ScheduleWeekView(DateOnly Monday, string? Zone, IReadOnlyList<WeekDay> Days, IReadOnlyList<WeekAgent> Scheduled, IReadOnlyList<WeekAgent> Unscheduled);

/// <summary>
/// Builds the week view of the schedules page. Shift instances come from the same <see cref="ScheduleStore"/> and
/// <see cref="ShiftCalendar"/> the router uses, so DST, holidays, time off and swaps show exactly as they route.
/// </summary>
public static class ScheduleWeek
{
    /// <summary>The page lists at most this many agents; a larger team narrows by region.</summary>
    public const int MaxAgents = 500;

    /// <param name="zone">The zone the days are read in; null reads each agent's shifts in their own zone.</param>
    /// <param name="onlyAgentId">Limits the view to one agent (a contractor sees only their own schedule).</param>
    public static async Task<ScheduleWeekView> ReadAsync(
        HeliodeskDb db, ScheduleStore store, string? region, LocalDate monday, DateTimeZone? zone, Guid? onlyAgentId, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking()
            .Where(a => a.IsActive && (region == null || a.Region == region) && (onlyAgentId == null || a.Id == onlyAgentId))
            .OrderBy(a => a.Name).Take(MaxAgents)
            .Select(a => new WeekAgent(a.Id, a.Name, a.TimeZone, a.Region)).ToListAsync(ct);
        var sunday = monday.PlusDays(6);
        // Two days either side: a shift shown on Monday in Auckland may start on Sunday by the agent's own calendar.
        var (first, last) = (monday.PlusDays(-2).ToDateOnly(), sunday.PlusDays(2).ToDateOnly());
        var schedules = await store.LoadAsync([.. agents.Select(a => a.Id)], first, ct);
        var ids = agents.Select(a => a.Id).ToList();
        var timeOff = await db.Set<ScheduleException>().AsNoTracking()
            .Where(e => ids.Contains(e.AgentId) && e.Kind == ScheduleExceptionKind.TimeOff && e.Last >= first && e.First <= last).ToListAsync(ct);
        var regions = agents.Where(a => a.Region != null).Select(a => a.Region!).Distinct().ToList();
        var holidays = await db.Set<RegionHoliday>().AsNoTracking()
            .Where(h => regions.Contains(h.Region) && h.Date >= first && h.Date <= last).ToListAsync(ct);
        var extras = await db.Set<ScheduleException>().AsNoTracking()
            .Where(e => ids.Contains(e.AgentId) && e.Kind == ScheduleExceptionKind.ExtraShift && e.Last >= first && e.First <= last).ToListAsync(ct);

        var shifts = new List<(LocalDate Day, WeekShift Shift)>();
        var off = new List<(LocalDate Day, WeekDayOff Off)>();
        foreach (var agent in agents)
        {
            if (!schedules.TryGetValue(agent.Id, out var schedule))
            {
                continue;
            }
            var own = schedule.Pattern.Zone;
            var shown = zone ?? own;
            var from = monday.AtStartOfDayInZone(shown).ToInstant();
            var to = monday.PlusWeeks(1).AtStartOfDayInZone(shown).ToInstant();
            foreach (var instance in ShiftCalendar.InstancesOverlapping(schedule, from, to))
            {
                var day = instance.Start.InZone(shown).Date;
                var local = instance.Start.InZone(own);
                var extra = extras.FirstOrDefault(e => e.AgentId == agent.Id && e.First == local.Date.ToDateOnly() && e.Start == local.TimeOfDay.ToTimeOnly());
                // A night shift that began before the week still shows, on its first day in the week.
                shifts.Add((day < monday ? monday : day, new WeekShift(agent, instance.Start.ToDateTimeOffset(), instance.End.ToDateTimeOffset(), extra is not null, extra?.Note)));
            }
            // Days off are the agent's own calendar dates: a holiday is a date where the agent lives.
            for (var date = monday; date <= sunday; date = date.PlusDays(1))
            {
                var on = date.ToDateOnly();
                off.AddRange(timeOff.Where(t => t.AgentId == agent.Id && t.First <= on && on <= t.Last)
                    .Select(t => (date, new WeekDayOff(agent, DayOffKind.TimeOff, t.Note))));
                off.AddRange(holidays.Where(h => h.Date == on && string.Equals(h.Region, agent.Region, StringComparison.OrdinalIgnoreCase))
                    .Select(h => (date, new WeekDayOff(agent, DayOffKind.Holiday, h.Name))));
            }
        }

        var days = Enumerable.Range(0, 7).Select(i => monday.PlusDays(i)).Select(d => new WeekDay(d.ToDateOnly(),
            [.. shifts.Where(s => s.Day == d).Select(s => s.Shift).OrderBy(s => s.Start).ThenBy(s => s.Agent.Name, StringComparer.CurrentCulture)],
            [.. off.Where(o => o.Day == d).Select(o => o.Off)])).ToList();
        return new ScheduleWeekView(monday.ToDateOnly(), zone?.Id, days,
            [.. agents.Where(a => schedules.ContainsKey(a.Id))], [.. agents.Where(a => !schedules.ContainsKey(a.Id))]);
    }
}
