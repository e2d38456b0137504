using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Routing;

/// <summary>
/// Turns stored shifts, exceptions and regional holidays into the pure <see cref="AgentSchedule"/> the shift
/// calendar computes with. Agents with no shift at all have no schedule (null): they work whenever online.
/// </summary>
public sealed class ScheduleStore(HeliodeskDb db)
{
    public async Task<Dictionary<Guid, AgentSchedule>> LoadAsync(IReadOnlyCollection<Guid> agentIds, DateOnly since, CancellationToken ct)
    {
        var shifts = (await db.Set<AgentShift>().AsNoTracking().Where(s => agentIds.Contains(s.AgentId)).ToListAsync(ct)).ToLookup(s => s.AgentId);
        var exceptions = (await db.Set<ScheduleException>().AsNoTracking().Where(e => agentIds.Contains(e.AgentId) && e.Last >= since).ToListAsync(ct))
            .ToLookup(e => e.AgentId);
        var scheduled = agentIds.Where(id => shifts[id].Any() || exceptions[id].Any(e => e.Kind == ScheduleExceptionKind.ExtraShift)).ToList();
        if (scheduled.Count == 0)
        {
            return [];
        }
        var agents = await db.Agents.AsNoTracking().Where(a => scheduled.Contains(a.Id)).Select(a => new { a.Id, a.TimeZone, a.Region }).ToListAsync(ct);
        var regions = agents.Where(a => a.Region != null).Select(a => a.Region!).Distinct().ToList();
        var holidays = (await db.Set<RegionHoliday>().AsNoTracking().Where(h => regions.Contains(h.Region) && h.Date >= since).ToListAsync(ct))
            .ToLookup(h => h.Region, StringComparer.OrdinalIgnoreCase);

        return agents.ToDictionary(a => a.Id, a =>
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(a.TimeZone) ?? DateTimeZone.Utc;
            var pattern = new ShiftPattern(zone, [.. shifts[a.Id].Select(s => new WeeklyShift(s.Day, LocalTime.FromTimeOnly(s.Start), LocalTime.FromTimeOnly(s.End)))]);
            var off = exceptions[a.Id].Where(e => e.Kind == ScheduleExceptionKind.TimeOff)
                .Select(e => new TimeOff(LocalDate.FromDateOnly(e.First), LocalDate.FromDateOnly(e.Last)))
                .Concat(a.Region is null ? [] : holidays[a.Region].Select(h => new TimeOff(LocalDate.FromDateOnly(h.Date), LocalDate.FromDateOnly(h.Date))));
            var extra = exceptions[a.Id].Where(e => e.Kind == ScheduleExceptionKind.ExtraShift && e.Start is not null && e.End is not null)
                .Select(e => new DatedShift(LocalDate.FromDateOnly(e.First), LocalTime.FromTimeOnly(e.Start!.Value), LocalTime.FromTimeOnly(e.End!.Value)));
            return new AgentSchedule(a.Id, pattern, [.. off], [.. extra]);
        });
    }
}
