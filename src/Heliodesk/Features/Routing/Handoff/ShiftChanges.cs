using NodaTime;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>An agent's shift ending at an instant, with the region they belong to.</summary>
public sealed record ShiftEnd(Guid AgentId, string? Region, Instant At);

/// <summary>A region's day ending: nobody of the region is on shift any more after <see cref="At"/>.</summary>
public sealed record RegionalChange(string Region, Instant At, Instant CoverageStart, IReadOnlyList<Guid> GoingOff);

/// <summary>One agent's schedule and region: what shift changes are computed from.</summary>
public sealed record RegionalSchedule(AgentSchedule Schedule, string? Region)
{
    public Guid AgentId => Schedule.AgentId;
}

/// <summary>
/// Who goes off shift when, which region takes over, and when a region's day ends. Pure: computed from the
/// schedules with <see cref="ShiftCalendar"/>, so DST in every zone is handled the same way routing handles it.
/// </summary>
public static class ShiftChanges
{
    private static readonly Duration Day = Duration.FromDays(1);

    /// <summary>
    /// Shift ends in (from, to]. An end is not a going-off when the agent is on shift again at that instant
    /// (back-to-back shifts, an extra shift right after): nothing changes hands then.
    /// </summary>
    public static IReadOnlyList<ShiftEnd> EndsBetween(IEnumerable<RegionalSchedule> schedules, Instant from, Instant to)
    {
        var ends = new List<ShiftEnd>();
        foreach (var agent in schedules)
        {
            var instances = ShiftCalendar.InstancesOverlapping(agent.Schedule, from - Day, to + Day);
            foreach (var end in instances.Select(i => i.End).Distinct())
            {
                if (end > from && end <= to && !instances.Any(i => i.Contains(end)))
                {
                    ends.Add(new ShiftEnd(agent.AgentId, agent.Region, end));
                }
            }
        }
        return [.. ends.OrderBy(e => e.At).ThenBy(e => e.AgentId)];
    }

    /// <summary>
    /// The region that takes the work at an instant: of the regions with someone on shift then, the one whose
    /// cover lasts longest from there; if nobody is on shift anywhere, the region whose next shift starts first.
    /// The outgoing agent's own region counts too: a colleague staying three more hours is a fine next owner.
    /// </summary>
    public static string? IncomingRegion(IEnumerable<RegionalSchedule> schedules, Instant at, Guid? leaving = null)
    {
        var next = schedules.Where(s => s.Region is not null && s.AgentId != leaving)
            .SelectMany(s => ShiftCalendar.InstancesOverlapping(s.Schedule, at, at + Day).Select(i => (s.Region, Shift: i)))
            .ToList();
        var covering = next.Where(n => n.Shift.Contains(at)).ToList();
        if (covering.Count > 0)
        {
            return covering.GroupBy(c => c.Region!, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => CoverEnd(g.Select(c => c.Shift), at)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .First().Key;
        }
        return next.OrderBy(n => n.Shift.Start).ThenBy(n => n.Region, StringComparer.Ordinal).Select(n => n.Region).FirstOrDefault();
    }

    /// <summary>Agents of a region on shift at an instant or starting within the window after it: who comes on.</summary>
    public static IReadOnlyList<Guid> ComingOn(IEnumerable<RegionalSchedule> schedules, string region, Instant at, Duration window) =>
        [.. schedules.Where(s => string.Equals(s.Region, region, StringComparison.OrdinalIgnoreCase))
            .Where(s => ShiftCalendar.InstancesOverlapping(s.Schedule, at, at + window).Any())
            .Select(s => s.AgentId)];

    /// <summary>
    /// Regions whose day ends in (from, to]: the instants at which the last of their agents goes off shift, with
    /// everyone who worked in that stretch of cover. Overlapping and back-to-back shifts make one stretch.
    /// </summary>
    public static IReadOnlyList<RegionalChange> RegionEndsBetween(IEnumerable<RegionalSchedule> schedules, Instant from, Instant to)
    {
        var changes = new List<RegionalChange>();
        foreach (var region in schedules.Where(s => s.Region is not null).GroupBy(s => s.Region!, StringComparer.OrdinalIgnoreCase))
        {
            var shifts = region.SelectMany(s => ShiftCalendar.InstancesOverlapping(s.Schedule, from - Day - Day, to + Day))
                .OrderBy(i => i.Start).ToList();
            foreach (var stretch in Stretches(shifts).Where(s => s.End > from && s.End <= to))
            {
                changes.Add(new RegionalChange(region.Key, stretch.End, stretch.Start, [.. stretch.Agents.Distinct().Order()]));
            }
        }
        return [.. changes.OrderBy(c => c.At).ThenBy(c => c.Region, StringComparer.Ordinal)];
    }

    private static Instant CoverEnd(IEnumerable<ShiftInstance> shifts, Instant at) =>
        Stretches([.. shifts.OrderBy(s => s.Start)]).Where(s => s.Start <= at && at < s.End).Select(s => s.End).DefaultIfEmpty(at).Max();

    private static List<(Instant Start, Instant End, List<Guid> Agents)> Stretches(List<ShiftInstance> ordered)
    {
        var stretches = new List<(Instant Start, Instant End, List<Guid> Agents)>();
        foreach (var shift in ordered)
        {
            if (stretches.Count > 0 && shift.Start <= stretches[^1].End)
            {
                var last = stretches[^1];
                last.Agents.Add(shift.AgentId);
                stretches[^1] = (last.Start, Instant.Max(last.End, shift.End), last.Agents);
            }
            else
            {
                stretches.Add((shift.Start, shift.End, [shift.AgentId]));
            }
        }
        return stretches;
    }
}
