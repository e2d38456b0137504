using NodaTime;

namespace Heliodesk.Features.Routing;

/// <summary>
/// Who is on shift at an instant, from the stored schedules. An agent without any shift counts as on shift
/// whenever they are online, so a small team can route without planning shifts first.
/// </summary>
public sealed class ShiftAvailability(ScheduleStore schedules)
{
    public async Task<IReadOnlySet<Guid>> OnShiftAsync(IReadOnlyCollection<Guid> agentIds, DateTimeOffset now, CancellationToken ct)
    {
        // A day back covers a night shift that started yesterday in a zone far behind UTC.
        var loaded = await schedules.LoadAsync(agentIds, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)), ct);
        var instant = Instant.FromDateTimeOffset(now);
        return agentIds.Where(id => !loaded.TryGetValue(id, out var schedule) || ShiftCalendar.IsOnShift(schedule, instant)).ToHashSet();
    }
}
