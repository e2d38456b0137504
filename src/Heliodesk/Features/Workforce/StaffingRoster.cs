using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Workforce;

/// <summary>An agent as staffing counts them: where they belong, what they speak and hold, when they are planned to work.</summary>
public sealed record RosterAgent(Guid Id, string? Region, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, AgentStatus Status, IReadOnlyList<ShiftInstance> Shifts)
{
    /// <summary>
    /// Scheduled for an hour when on shift for at least half of it: a 09:30 start covers ten o'clock, not nine.
    /// The hour a spring-forward gap removes is never covered; the doubled hour of a fall-back needs an hour on shift.
    /// </summary>
    public bool ScheduledFor(HourSlot slot)
    {
        if (!slot.Happens)
        {
            return false;
        }
        var worked = Duration.Zero;
        foreach (var shift in Shifts)
        {
            var from = Instant.Max(shift.Start, slot.Start);
            var to = Instant.Min(shift.End, slot.End);
            worked += to > from ? to - from : Duration.Zero;
        }
        return worked * 2 >= slot.Length;
    }

    public bool Covers(StaffingLine line) => line.Covers(Region, Languages, Skills);
}

/// <summary>
/// Reads every active agent with their shifts between two instants, through the same <see cref="ScheduleStore"/>
/// routing uses, so time off, swaps and regional holidays count here exactly as they do for assignment.
/// Agents with no shift at all have no plan, so they are never counted as scheduled.
/// </summary>
public sealed class StaffingRoster(HeliodeskDb db, ScheduleStore schedules)
{
    public async Task<IReadOnlyList<RosterAgent>> LoadAsync(Instant from, Instant to, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking().Where(a => a.IsActive)
            .Select(a => new { a.Id, a.Region, a.Languages, a.Skills, a.Status }).ToListAsync(ct);
        // Two days back, like routing: a night shift that started before `from` in a zone far behind UTC still counts.
        var since = DateOnly.FromDateTime(from.ToDateTimeUtc().AddDays(-2));
        var planned = await schedules.LoadAsync([.. agents.Select(a => a.Id)], since, ct);
        return [.. agents.Select(a => new RosterAgent(a.Id, a.Region, a.Languages, a.Skills, a.Status,
            planned.TryGetValue(a.Id, out var schedule) ? ShiftCalendar.InstancesOverlapping(schedule, from, to) : []))];
    }
}
