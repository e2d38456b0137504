using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>The workspace's scheduled agents with their regions, loaded once per handoff pass.</summary>
public sealed class RegionalSchedules(HeliodeskDb db, ScheduleStore store)
{
    public async Task<IReadOnlyList<RegionalSchedule>> LoadAsync(DateTimeOffset since, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Region }).ToListAsync(ct);
        var schedules = await store.LoadAsync([.. agents.Select(a => a.Id)], DateOnly.FromDateTime(since.UtcDateTime.AddDays(-2)), ct);
        return [.. agents.Where(a => schedules.ContainsKey(a.Id)).Select(a => new RegionalSchedule(schedules[a.Id], a.Region))];
    }
}
