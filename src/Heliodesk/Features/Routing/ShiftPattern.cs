using NodaTime;

namespace Heliodesk.Features.Routing;

/// <summary>
/// One recurring shift in a week, in the agent's own wall-clock time. An end at or before the start means the
/// shift runs past midnight into the next day (22:00–06:00); an end equal to the start is a 24-hour shift.
/// </summary>
public sealed record WeeklyShift(IsoDayOfWeek Day, LocalTime Start, LocalTime End)
{
    public bool EndsNextDay => End <= Start;
}

/// <summary>
/// Time off as local dates, both ends included (a holiday, a week of leave). A shift is skipped when the local
/// date it starts on falls inside the range, so a Friday-night shift belongs to Friday's leave, not Saturday's.
/// </summary>
public sealed record TimeOff(LocalDate First, LocalDate Last)
{
    public bool Covers(LocalDate date) => First <= date && date <= Last;
}

/// <summary>
/// An agent's working week: the recurring shifts, read in the agent's IANA zone so that "09:00" keeps meaning
/// nine in the morning where the agent lives, whatever the offset to UTC is that day.
/// </summary>
public sealed record ShiftPattern(DateTimeZone Zone, IReadOnlyList<WeeklyShift> Shifts)
{
    /// <summary>The same shift on each of the given days, the usual way a pattern is written down.</summary>
    public static ShiftPattern Weekly(DateTimeZone zone, LocalTime start, LocalTime end, params IsoDayOfWeek[] days) =>
        new(zone, [.. days.Select(d => new WeeklyShift(d, start, end))]);

    public static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static readonly IsoDayOfWeek[] EveryDay = [.. Weekdays, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
}

/// <summary>
/// A one-off shift on a given local date (covering a colleague's swapped shift, an extra Saturday). It is worked
/// even on a date the agent otherwise has off, because someone planned it for that day on purpose.
/// </summary>
public sealed record DatedShift(LocalDate Date, LocalTime Start, LocalTime End)
{
    public WeeklyShift AsWeekly => new(Date.DayOfWeek, Start, End);
}

/// <summary>Everything needed to say when one agent works: the recurring pattern minus their exceptions, plus one-off shifts.</summary>
public sealed record AgentSchedule(Guid AgentId, ShiftPattern Pattern, IReadOnlyList<TimeOff> TimeOff, IReadOnlyList<DatedShift>? Extra = null)
{
    public AgentSchedule(Guid agentId, ShiftPattern pattern) : this(agentId, pattern, []) { }

    public IReadOnlyList<DatedShift> ExtraShifts => Extra ?? [];

    public bool IsOff(LocalDate date) => TimeOff.Any(t => t.Covers(date));
}

/// <summary>One concrete shift: real instants, so its length is the time actually worked, DST included.</summary>
public readonly record struct ShiftInstance(Guid AgentId, Instant Start, Instant End)
{
    public Duration Length => End - Start;

    /// <summary>Half-open, so an agent whose shift ends at 17:00 is off shift at 17:00 exactly.</summary>
    public bool Contains(Instant instant) => Start <= instant && instant < End;

    public bool Overlaps(Instant from, Instant to) => Start < to && End > from;
}
