using NodaTime;
using NodaTime.TimeZones;

namespace Heliodesk.Features.Routing;

/// <summary>
/// Turns an agent's recurring pattern into concrete shifts between two instants. Pure: no clock, no storage.
/// </summary>
public static class ShiftCalendar
{
    /// <summary>
    /// A wall-clock time becomes the first instant at which the agent's clock shows that time or later.
    /// In a spring-forward gap that is the end of the gap (a 02:30 shift starts at 03:00, not at the 03:30
    /// NodaTime's lenient resolver would pick); in a fall-back overlap it is the first occurrence. Because this
    /// mapping never goes backwards as the wall-clock time grows, a shift can never get a negative length,
    /// and using it for both ends means an hour repeated at fall back is counted once, not twice.
    /// </summary>
    private static readonly ZoneLocalMappingResolver FirstInstantAtOrAfter =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The agent's shifts that overlap [from, to), ordered by start, time off left out.</summary>
    public static IReadOnlyList<ShiftInstance> InstancesOverlapping(AgentSchedule schedule, Instant from, Instant to)
    {
        if (to <= from)
        {
            return [];
        }

        var zone = schedule.Pattern.Zone;
        // A shift lasts at most a day, so one that started the local day before `from` may still be running.
        var firstDay = from.InZone(zone).Date.PlusDays(-1);
        var lastDay = to.InZone(zone).Date;

        var instances = new List<ShiftInstance>();
        for (var day = firstDay; day <= lastDay; day = day.PlusDays(1))
        {
            var weekly = schedule.IsOff(day) ? [] : schedule.Pattern.Shifts.Where(s => s.Day == day.DayOfWeek);
            foreach (var shift in weekly.Concat(schedule.ExtraShifts.Where(e => e.Date == day).Select(e => e.AsWeekly)))
            {
                var instance = Resolve(schedule.AgentId, zone, day, shift);
                // A shift lying wholly inside a spring-forward gap never happens on that day.
                if (instance.Length > Duration.Zero && instance.Overlaps(from, to))
                {
                    instances.Add(instance);
                }
            }
        }

        return [.. instances.OrderBy(i => i.Start)];
    }

    public static IReadOnlyList<ShiftInstance> InstancesOverlapping(AgentSchedule schedule, DateTimeOffset from, DateTimeOffset to) =>
        InstancesOverlapping(schedule, Instant.FromDateTimeOffset(from), Instant.FromDateTimeOffset(to));

    public static bool IsOnShift(AgentSchedule schedule, Instant instant) =>
        InstancesOverlapping(schedule, instant, instant + Duration.Epsilon).Any(i => i.Contains(instant));

    /// <summary>Whether the agent is on shift at the clock's current time; the clock is injected so tests can move it.</summary>
    public static bool IsOnShift(AgentSchedule schedule, TimeProvider clock) =>
        IsOnShift(schedule, Instant.FromDateTimeOffset(clock.GetUtcNow()));

    /// <summary>The shift currently running, if any, so callers can tell how long until it ends (handoff).</summary>
    public static ShiftInstance? CurrentShift(AgentSchedule schedule, Instant instant) =>
        InstancesOverlapping(schedule, instant, instant + Duration.Epsilon)
            .Where(i => i.Contains(instant))
            .Select(i => (ShiftInstance?)i)
            .FirstOrDefault();

    private static ShiftInstance Resolve(Guid agentId, DateTimeZone zone, LocalDate day, WeeklyShift shift)
    {
        var start = day.At(shift.Start).InZone(zone, FirstInstantAtOrAfter).ToInstant();
        var endDay = shift.EndsNextDay ? day.PlusDays(1) : day;
        var end = endDay.At(shift.End).InZone(zone, FirstInstantAtOrAfter).ToInstant();
        return new ShiftInstance(agentId, start, end);
    }
}
