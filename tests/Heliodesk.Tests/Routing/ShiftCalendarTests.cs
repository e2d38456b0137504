using Heliodesk.Features.Routing;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Heliodesk.Tests.Routing;

/// <summary>Shift instances across the 2026 DST changes of both hemispheres, and in a zone without DST.</summary>
public sealed class ShiftCalendarTests
{
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Five = new(17, 0);
    private static readonly LocalTime TenAtNight = new(22, 0);
    private static readonly LocalTime SixInTheMorning = new(6, 0);

    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    private static AgentSchedule DayShifts(string zone, params TimeOff[] timeOff) =>
        new(Guid.CreateVersion7(), ShiftPattern.Weekly(Zone(zone), Nine, Five, ShiftPattern.EveryDay), timeOff);

    private static AgentSchedule NightShifts(string zone) =>
        new(Guid.CreateVersion7(), ShiftPattern.Weekly(Zone(zone), TenAtNight, SixInTheMorning, ShiftPattern.EveryDay));

    /// <summary>The one shift that starts on the given local date.</summary>
    private static ShiftInstance ShiftStartingOn(AgentSchedule schedule, LocalDate date)
    {
        var zone = schedule.Pattern.Zone;
        var dayStart = date.AtStartOfDayInZone(zone).ToInstant();
        var dayEnd = date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        return Assert.Single(ShiftCalendar.InstancesOverlapping(schedule, dayStart, dayEnd), i => i.Start >= dayStart);
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 8)]   // US spring forward
    [InlineData("America/New_York", 2026, 11, 1)]  // US fall back
    [InlineData("Europe/Vilnius", 2026, 3, 29)]    // EU spring forward
    [InlineData("Europe/Vilnius", 2026, 10, 25)]   // EU fall back
    [InlineData("Australia/Sydney", 2026, 4, 5)]   // Sydney fall back
    [InlineData("Australia/Sydney", 2026, 10, 4)]  // Sydney spring forward
    [InlineData("Asia/Manila", 2026, 3, 8)]        // no DST at all
    public void A_day_shift_stays_nine_to_five_local_and_eight_hours_on_the_change_day_and_the_day_after(string zone, int year, int month, int day)
    {
        var schedule = DayShifts(zone);
        var change = new LocalDate(year, month, day);

        foreach (var date in new[] { change.PlusDays(-1), change, change.PlusDays(1) })
        {
            var shift = ShiftStartingOn(schedule, date);
            Assert.Equal(date.At(Nine), shift.Start.InZone(Zone(zone)).LocalDateTime);
            Assert.Equal(date.At(Five), shift.End.InZone(Zone(zone)).LocalDateTime);
            Assert.Equal(Duration.FromHours(8), shift.Length);
        }
    }

    [Fact]
    public void The_same_local_nine_oclock_moves_by_an_hour_in_utc_across_the_us_spring_forward()
    {
        var schedule = DayShifts("America/New_York");

        Assert.Equal(Instant.FromUtc(2026, 3, 6, 14, 0), ShiftStartingOn(schedule, new LocalDate(2026, 3, 6)).Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 13, 0), ShiftStartingOn(schedule, new LocalDate(2026, 3, 9)).Start);
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 7, 7)]   // night into the US spring forward loses an hour
    [InlineData("America/New_York", 2026, 10, 31, 9)] // night into the US fall back gains one
    [InlineData("Europe/Vilnius", 2026, 3, 28, 7)]
    [InlineData("Europe/Vilnius", 2026, 10, 24, 9)]
    [InlineData("Australia/Sydney", 2026, 4, 4, 9)]
    [InlineData("Australia/Sydney", 2026, 10, 3, 7)]
    [InlineData("Asia/Manila", 2026, 3, 7, 8)]
    [InlineData("America/New_York", 2026, 3, 9, 8)]   // an ordinary night right after the change
    public void An_overnight_shift_across_a_change_lasts_the_hours_actually_worked(string zone, int year, int month, int day, int hours)
    {
        var schedule = NightShifts(zone);
        var date = new LocalDate(year, month, day);

        var shift = ShiftStartingOn(schedule, date);

        Assert.Equal(Duration.FromHours(hours), shift.Length);
        Assert.Equal(date.At(TenAtNight), shift.Start.InZone(Zone(zone)).LocalDateTime);
        Assert.Equal(date.PlusDays(1).At(SixInTheMorning), shift.End.InZone(Zone(zone)).LocalDateTime);
    }

    [Fact]
    public void A_shift_starting_in_the_skipped_hour_starts_at_the_first_valid_instant()
    {
        var zone = Zone("America/New_York");
        var schedule = new AgentSchedule(Guid.CreateVersion7(), ShiftPattern.Weekly(zone, new LocalTime(2, 30), new LocalTime(10, 30), IsoDayOfWeek.Sunday));

        var shift = ShiftStartingOn(schedule, new LocalDate(2026, 3, 8));

        Assert.Equal(new LocalDateTime(2026, 3, 8, 3, 0), shift.Start.InZone(zone).LocalDateTime);
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), shift.Start);
        Assert.Equal(Duration.FromMinutes(7 * 60 + 30), shift.Length);
    }

    [Fact]
    public void A_shift_starting_in_the_repeated_hour_starts_at_its_first_occurrence()
    {
        var zone = Zone("America/New_York");
        var schedule = new AgentSchedule(Guid.CreateVersion7(), ShiftPattern.Weekly(zone, new LocalTime(1, 30), new LocalTime(9, 30), IsoDayOfWeek.Sunday));

        var shift = ShiftStartingOn(schedule, new LocalDate(2026, 11, 1));

        Assert.Equal(Instant.FromUtc(2026, 11, 1, 5, 30), shift.Start); // 01:30 EDT, before the clocks go back
        Assert.Equal(Duration.FromHours(9), shift.Length);
    }

    [Fact]
    public void A_shift_lying_wholly_in_the_skipped_hour_does_not_happen_and_never_has_a_negative_length()
    {
        var zone = Zone("Europe/Vilnius");
        var schedule = new AgentSchedule(Guid.CreateVersion7(), ShiftPattern.Weekly(zone, new LocalTime(3, 10), new LocalTime(3, 50), ShiftPattern.EveryDay));

        var march = ShiftCalendar.InstancesOverlapping(schedule, Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0));

        Assert.Equal(30, march.Count); // 31 days, minus the 29th when 03:00–04:00 does not exist
        Assert.All(march, s => Assert.Equal(Duration.FromMinutes(40), s.Length));
    }

    [Fact]
    public void Instances_cover_a_utc_interval_in_order_including_a_night_shift_that_began_before_it()
    {
        var schedule = NightShifts("Asia/Manila");

        // 00:00–12:00 UTC is 08:00–20:00 in Manila: the previous night ended at 06:00 and the next starts at 22:00.
        Assert.Empty(ShiftCalendar.InstancesOverlapping(schedule, Instant.FromUtc(2026, 6, 1, 0, 0), Instant.FromUtc(2026, 6, 1, 12, 0)));

        // 20:00 UTC is 04:00 in Manila, two hours before the night shift that began at 22:00 local (14:00 UTC) ends.
        var overlapping = ShiftCalendar.InstancesOverlapping(schedule, Instant.FromUtc(2026, 6, 1, 20, 0), Instant.FromUtc(2026, 6, 2, 20, 0));

        Assert.Equal([Instant.FromUtc(2026, 6, 1, 14, 0), Instant.FromUtc(2026, 6, 2, 14, 0)], overlapping.Select(s => s.Start));
    }

    [Fact]
    public void Time_off_removes_the_shifts_that_start_on_those_local_dates()
    {
        var schedule = DayShifts("Europe/Vilnius", new TimeOff(new LocalDate(2026, 3, 30), new LocalDate(2026, 4, 3)));

        var fortnight = ShiftCalendar.InstancesOverlapping(schedule, Instant.FromUtc(2026, 3, 28, 0, 0), Instant.FromUtc(2026, 4, 11, 0, 0));

        Assert.Equal(14 - 5, fortnight.Count);
        Assert.False(ShiftCalendar.IsOnShift(schedule, Instant.FromUtc(2026, 4, 1, 8, 0))); // Wednesday 11:00 in Vilnius
        Assert.True(ShiftCalendar.IsOnShift(schedule, Instant.FromUtc(2026, 4, 4, 8, 0)));  // back on Saturday
    }

    [Fact]
    public void Is_on_shift_follows_the_injected_clock_across_the_us_spring_forward()
    {
        var schedule = new AgentSchedule(Guid.CreateVersion7(), ShiftPattern.Weekly(Zone("America/New_York"), Nine, Five, ShiftPattern.Weekdays));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 6, 13, 30, 0, TimeSpan.Zero)); // Friday 08:30 EST

        Assert.False(ShiftCalendar.IsOnShift(schedule, clock));
        clock.Advance(TimeSpan.FromMinutes(30));                                                   // 09:00 EST: shift starts
        Assert.True(ShiftCalendar.IsOnShift(schedule, clock));
        clock.Advance(TimeSpan.FromHours(8));                                                      // 17:00 EST: half-open end
        Assert.False(ShiftCalendar.IsOnShift(schedule, clock));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 7, 15, 0, 0, TimeSpan.Zero));                 // Saturday: no shift
        Assert.False(ShiftCalendar.IsOnShift(schedule, clock));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero));                 // Monday 09:00 EDT
        Assert.True(ShiftCalendar.IsOnShift(schedule, clock));
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 21, 0), ShiftCalendar.CurrentShift(schedule, Instant.FromUtc(2026, 3, 9, 13, 0))?.End);
    }

    [Fact]
    public void A_one_off_shift_is_worked_even_on_a_day_off_and_keeps_its_wall_clock_hours_across_the_sydney_change()
    {
        // Sydney moves to daylight time on Sunday 2026-10-04; the extra shift that day is 09:00–17:00 AEDT.
        var sunday = new LocalDate(2026, 10, 4);
        var schedule = new AgentSchedule(Guid.CreateVersion7(), ShiftPattern.Weekly(Zone("Australia/Sydney"), Nine, Five, ShiftPattern.Weekdays),
            [new TimeOff(sunday, sunday)], [new DatedShift(sunday, Nine, Five)]);

        var weekend = ShiftCalendar.InstancesOverlapping(schedule, Instant.FromUtc(2026, 10, 2, 14, 0), Instant.FromUtc(2026, 10, 4, 14, 0));

        Assert.Equal([new ShiftInstance(schedule.AgentId, Instant.FromUtc(2026, 10, 3, 22, 0), Instant.FromUtc(2026, 10, 4, 6, 0))], weekend);
    }
}
