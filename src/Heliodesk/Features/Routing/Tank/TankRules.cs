using System.Globalization;
using NodaTime;

namespace Heliodesk.Features.Routing.Tank;

/// <summary>
/// When a ticket is tank. Pure: open longer than its queue's median resolution time (solved tickets of the last
/// four weeks), or touched by agents more than the queue allows.
/// </summary>
public static class TankRules
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(28);

    /// <summary>Fewer solved tickets than this make no median worth judging by; a new queue is judged by touches only.</summary>
    public const int MinimumSample = 5;

    public static TimeSpan? Median(IEnumerable<TimeSpan> resolutions)
    {
        var sorted = resolutions.Order().ToList();
        if (sorted.Count < MinimumSample)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The reason the ticket is tank, or null when it is not.</summary>
    public static string? Classify(TimeSpan openFor, TimeSpan? medianResolution, int touches, int maxTouches)
    {
        if (medianResolution is { } median && openFor > median)
        {
            return $"open {Hours(openFor)} h, queue median {Hours(median)} h";
        }
        return touches > maxTouches ? $"{touches} touches, over {maxTouches}" : null;
    }

    private static string Hours(TimeSpan span) => span.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One week of the rotation: its Monday, the instants it starts and ends (DST included) and its owner.</summary>
public sealed record TankWeek(LocalDate Monday, Instant Start, Instant End, Guid? Owner);

/// <summary>
/// The weekly tank rotation. Weeks start on Monday at local midnight in the roster's zone (or the first instant
/// after it where midnight does not exist), so a week across a DST change is 167 or 169 hours long, never shifted.
/// </summary>
public sealed record TankRoster(DateTimeZone Zone, LocalDate FirstWeek, IReadOnlyList<Guid> Agents)
{
    public TankWeek WeekOf(Instant instant)
    {
        var monday = MondayOf(instant.InZone(Zone).Date);
        var start = Zone.AtStartOfDay(monday).ToInstant();
        var end = Zone.AtStartOfDay(monday.PlusWeeks(1)).ToInstant();
        var weeks = Period.Between(MondayOf(FirstWeek), monday, PeriodUnits.Days).Days / 7;
        Guid? owner = Agents.Count == 0 || weeks < 0 ? null : Agents[weeks % Agents.Count];
        return new TankWeek(monday, start, end, owner);
    }

    private static LocalDate MondayOf(LocalDate date) => date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
}
