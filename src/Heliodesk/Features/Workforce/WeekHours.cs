using System.Globalization;
using System.Text.RegularExpressions;
using Heliodesk.Common;
using NodaTime;
using NodaTime.Calendars;
using NodaTime.TimeZones;

namespace Heliodesk.Features.Workforce;

/// <summary>
/// One hour of a region's week: hour-of-week 0 is Monday 00:00–01:00 on the region's clock, 167 is Sunday
/// 23:00–24:00. <see cref="Start"/> and <see cref="End"/> are the real instants, so the hour a clock skips at
/// spring forward has no length, and the hour it repeats at fall back lasts two.
/// </summary>
public readonly record struct HourSlot(int HourOfWeek, LocalDateTime Local, Instant Start, Instant End)
{
    public const int PerWeek = 7 * 24;

    public Duration Length => End - Start;

    /// <summary>False for the hour a spring-forward gap removes: nobody can be short of staff in an hour that does not happen.</summary>
    public bool Happens => End > Start;

    public bool Contains(Instant instant) => Start <= instant && instant < End;

    public static int Of(LocalDateTime local) => ((int)local.DayOfWeek - 1) * 24 + local.Hour;
}

/// <summary>Expands a week of a region's wall-clock hours into instants. Pure: the zone and the week are all it needs.</summary>
public static partial class WeekHours
{
    // The same rule ShiftCalendar uses for shift ends: a wall-clock time means the first instant the clock shows
    // it or later, so an hour boundary in a gap moves to the gap's end and a repeated hour is counted once.
    private static readonly ZoneLocalMappingResolver FirstInstantAtOrAfter =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public static IReadOnlyList<HourSlot> Expand(DateTimeZone zone, LocalDate monday)
    {
        if (monday.DayOfWeek != IsoDayOfWeek.Monday)
        {
            throw new ArgumentException("A week starts on a Monday.", nameof(monday));
        }
        var start = monday.AtMidnight();
        var slots = new HourSlot[HourSlot.PerWeek];
        var from = start.InZone(zone, FirstInstantAtOrAfter).ToInstant();
        for (var hour = 0; hour < HourSlot.PerWeek; hour++)
        {
            var local = start.PlusHours(hour);
            var to = local.PlusHours(1).InZone(zone, FirstInstantAtOrAfter).ToInstant();
            slots[hour] = new HourSlot(hour, local, from, to);
            from = to;
        }
        return slots;
    }

    /// <summary>The Monday of the week the instant falls in, on the zone's clock.</summary>
    public static LocalDate MondayOf(Instant instant, DateTimeZone zone) => MondayOf(instant.InZone(zone).Date);

    public static LocalDate MondayOf(LocalDate date) => date.PlusDays(IsoDayOfWeek.Monday - date.DayOfWeek);

    /// <summary>"2026-W45" (an ISO week) or any date in the week ("2026-11-04"); blank means the current week.</summary>
    public static LocalDate ParseWeek(string? raw, Instant now, DateTimeZone zone, string field = "week")
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return MondayOf(now, zone);
        }
        var text = raw.Trim();
        if (IsoWeek().Match(text) is { Success: true } week)
        {
            var year = int.Parse(week.Groups[1].Value, CultureInfo.InvariantCulture);
            var number = int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture);
            if (number >= 1 && number <= WeekYearRules.Iso.GetWeeksInWeekYear(year))
            {
                return LocalDate.FromWeekYearWeekAndDay(year, number, IsoDayOfWeek.Monday);
            }
        }
        else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return MondayOf(LocalDate.FromDateOnly(date));
        }
        throw new DomainRuleException(field, "Use an ISO week such as 2026-W45 or a date in the week such as 2026-11-04.");
    }

    public static string IsoName(LocalDate monday) =>
        string.Create(CultureInfo.InvariantCulture, $"{WeekYearRules.Iso.GetWeekYear(monday)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(monday):00}");

    [GeneratedRegex(@"^(\d{4})-?W(\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoWeek();
}
