using Heliodesk.Features.Routing;
using Heliodesk.Features.Routing.Handoff;
using NodaTime;

namespace Heliodesk.Tests.Routing;

/// <summary>Who goes off shift when, which region takes over, and when a region's day ends, across DST changes.</summary>
public sealed class HandoffShiftChangeTests
{
    private static readonly LocalTime Nine = new(9, 0);
    private static readonly LocalTime Five = new(17, 0);

    private static RegionalSchedule Weekdays(string zone, string region, LocalTime? start = null, LocalTime? end = null) =>
        new(new AgentSchedule(Guid.CreateVersion7(), ShiftPattern.Weekly(DateTimeZoneProviders.Tzdb[zone], start ?? Nine, end ?? Five, ShiftPattern.Weekdays)), region);

    [Theory]
    [InlineData("America/New_York", 2026, 3, 9, 21)]    // the Monday after US spring forward: 17:00 EDT
    [InlineData("America/New_York", 2026, 11, 2, 22)]   // the Monday after fall back: 17:00 EST
    [InlineData("Europe/Vilnius", 2026, 3, 30, 14)]     // after EU spring forward: 17:00 EEST
    [InlineData("Europe/Vilnius", 2026, 10, 26, 15)]    // after EU fall back: 17:00 EET
    [InlineData("Asia/Manila", 2026, 3, 9, 9)]          // no DST: always 17:00 PHT
    [InlineData("Australia/Sydney", 2026, 4, 6, 7)]     // after Sydney fall back: 17:00 AEST
    [InlineData("Australia/Sydney", 2026, 10, 5, 6)]    // after Sydney spring forward: 17:00 AEDT
    public void An_agent_goes_off_shift_at_five_local_time_whatever_the_offset_that_day(string zone, int year, int month, int day, int utcHour)
    {
        var agent = Weekdays(zone, "R");
        var expected = Instant.FromUtc(year, month, day, utcHour, 0);

        var ends = ShiftChanges.EndsBetween([agent], expected - Duration.FromHours(1), expected + Duration.FromMinutes(1));

        var end = Assert.Single(ends);
        Assert.Equal(expected, end.At);
        Assert.Equal(agent.AgentId, end.AgentId);
    }

    [Fact]
    public void An_end_is_counted_once_and_not_at_all_outside_the_window()
    {
        var agent = Weekdays("Europe/Vilnius", "EMEA");
        var end = Instant.FromUtc(2026, 11, 2, 15, 0);

        Assert.Single(ShiftChanges.EndsBetween([agent], end - Duration.FromHours(2), end));
        Assert.Empty(ShiftChanges.EndsBetween([agent], end, end + Duration.FromHours(2))); // (from, to]: already past
    }

    [Fact]
    public void Back_to_back_shifts_are_no_shift_change()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var pattern = new ShiftPattern(zone, [new WeeklyShift(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(13, 0)),
            new WeeklyShift(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(17, 0))]);
        var agent = new RegionalSchedule(new AgentSchedule(Guid.CreateVersion7(), pattern), "EMEA");

        var ends = ShiftChanges.EndsBetween([agent], Instant.FromUtc(2026, 11, 2, 8, 0), Instant.FromUtc(2026, 11, 2, 18, 0));

        Assert.Equal([Instant.FromUtc(2026, 11, 2, 17, 0)], ends.Select(e => e.At));
    }

    [Fact]
    public void Work_goes_to_the_region_whose_cover_lasts_longest_from_the_shift_change()
    {
        var vilnius = Weekdays("Europe/Vilnius", "EMEA");   // 07:00–15:00 UTC in November
        var london = Weekdays("Europe/London", "EMEA");     // 09:00–17:00 UTC
        var newYork = Weekdays("America/New_York", "AMER"); // 14:00–22:00 UTC
        var at = Instant.FromUtc(2026, 11, 2, 15, 0);

        Assert.Equal("AMER", ShiftChanges.IncomingRegion([vilnius, london, newYork], at, vilnius.AgentId));
        // Before New York starts, London's colleague is the one still at work.
        Assert.Equal("EMEA", ShiftChanges.IncomingRegion([vilnius, london, newYork], Instant.FromUtc(2026, 11, 2, 13, 0), vilnius.AgentId));
    }

    [Fact]
    public void With_nobody_at_work_the_region_starting_first_takes_over()
    {
        var newYork = Weekdays("America/New_York", "AMER"); // ends 22:00 UTC
        var manila = Weekdays("Asia/Manila", "APAC");       // starts 01:00 UTC

        Assert.Equal("APAC", ShiftChanges.IncomingRegion([newYork, manila], Instant.FromUtc(2026, 11, 2, 22, 0), newYork.AgentId));
    }

    [Fact]
    public void A_regions_day_ends_when_its_last_agent_goes_off_and_lists_everyone_of_that_stretch()
    {
        var vilnius = Weekdays("Europe/Vilnius", "EMEA");
        var london = Weekdays("Europe/London", "EMEA");
        var sydney = Weekdays("Australia/Sydney", "APAC"); // 22:00–06:00 UTC
        var manila = Weekdays("Asia/Manila", "APAC");      // 01:00–09:00 UTC

        var changes = ShiftChanges.RegionEndsBetween([vilnius, london, sydney, manila], Instant.FromUtc(2026, 11, 2, 10, 0), Instant.FromUtc(2026, 11, 3, 10, 0));

        Assert.Equal([("EMEA", Instant.FromUtc(2026, 11, 2, 17, 0)), ("APAC", Instant.FromUtc(2026, 11, 3, 9, 0))], changes.Select(c => (c.Region, c.At)));
        Assert.Equal(new[] { vilnius.AgentId, london.AgentId }.Order(), changes[0].GoingOff);
        Assert.Equal(new[] { sydney.AgentId, manila.AgentId }.Order(), changes[1].GoingOff);
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 22, 0), changes[1].CoverageStart); // Sydney's Tuesday starts Monday 22:00 UTC
    }

    [Fact]
    public void Who_comes_on_is_the_incoming_regions_agents_at_work_or_starting_within_the_hour()
    {
        var newYork = Weekdays("America/New_York", "AMER");                           // 14:00–22:00 UTC
        var late = Weekdays("America/New_York", "AMER", new LocalTime(12, 30), new LocalTime(20, 0)); // 17:30 UTC
        var later = Weekdays("America/Los_Angeles", "AMER");                          // 17:00 UTC? no: 09:00 PST = 17:00 UTC
        var evening = Weekdays("America/New_York", "AMER", new LocalTime(15, 0), new LocalTime(23, 0)); // 20:00 UTC

        var coming = ShiftChanges.ComingOn([newYork, late, later, evening], "AMER", Instant.FromUtc(2026, 11, 2, 17, 0), Duration.FromHours(1));

        Assert.Equal(new[] { newYork.AgentId, late.AgentId, later.AgentId }.Order(), coming.Order());
    }
}
