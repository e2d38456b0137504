using Heliodesk.Features.Routing.Tank;
using NodaTime;

namespace Heliodesk.Tests.Routing;

public sealed class TankRulesTests
{
    private static readonly Guid Ana = Guid.CreateVersion7();
    private static readonly Guid Ben = Guid.CreateVersion7();
    private static readonly Guid Cleo = Guid.CreateVersion7();

    [Fact]
    public void The_median_needs_enough_solved_tickets_and_takes_the_middle()
    {
        Assert.Null(TankRules.Median([.. Enumerable.Range(1, 4).Select(h => TimeSpan.FromHours(h))]));
        Assert.Equal(TimeSpan.FromHours(3), TankRules.Median([.. new[] { 5, 1, 3, 2, 40 }.Select(h => TimeSpan.FromHours(h))]));
        Assert.Equal(TimeSpan.FromHours(3.5), TankRules.Median([.. new[] { 1, 2, 3, 4, 5, 6 }.Select(h => TimeSpan.FromHours(h))]));
    }

    [Fact]
    public void A_ticket_is_tank_when_open_past_the_median_or_touched_too_often()
    {
        Assert.Equal("open 10 h, queue median 6 h", TankRules.Classify(TimeSpan.FromHours(10), TimeSpan.FromHours(6), 1, 8));
        Assert.Equal("9 touches, over 8", TankRules.Classify(TimeSpan.FromHours(1), TimeSpan.FromHours(6), 9, 8));
        Assert.Null(TankRules.Classify(TimeSpan.FromHours(6), TimeSpan.FromHours(6), 8, 8));
        // No median yet (a new queue): only touches count.
        Assert.Null(TankRules.Classify(TimeSpan.FromDays(30), null, 2, 8));
    }

    [Theory]
    [InlineData("America/New_York", 2026, 3, 9)]   // the week after US spring forward begins
    [InlineData("America/New_York", 2026, 11, 2)]  // the week after US fall back
    [InlineData("Europe/Vilnius", 2026, 3, 30)]
    [InlineData("Europe/Vilnius", 2026, 10, 26)]
    [InlineData("Asia/Manila", 2026, 3, 9)]
    [InlineData("Australia/Sydney", 2026, 4, 6)]
    [InlineData("Australia/Sydney", 2026, 10, 5)]
    public void Rotation_weeks_start_at_local_monday_midnight_on_both_sides_of_a_dst_change(string zoneId, int year, int month, int day)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var monday = new LocalDate(year, month, day);
        var roster = new TankRoster(zone, new LocalDate(2026, 1, 5), [Ana, Ben, Cleo]);
        var start = zone.AtStartOfDay(monday).ToInstant();

        var before = roster.WeekOf(start - Duration.FromSeconds(1));
        var week = roster.WeekOf(start);

        Assert.Equal(monday.PlusWeeks(-1), before.Monday);
        Assert.Equal(start, before.End);
        Assert.Equal(monday, week.Monday);
        Assert.Equal(start, week.Start);
        Assert.Equal(monday.PlusWeeks(1).AtMidnight(), week.End.InZone(zone).LocalDateTime);
        Assert.NotEqual(before.Owner, week.Owner);
        var weeks = Period.Between(new LocalDate(2026, 1, 5), monday, PeriodUnits.Days).Days / 7;
        Assert.Equal(new[] { Ana, Ben, Cleo }[weeks % 3], week.Owner);
    }

    [Fact]
    public void The_week_containing_a_dst_change_is_an_hour_shorter_or_longer()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var roster = new TankRoster(zone, new LocalDate(2026, 1, 5), [Ana]);

        var spring = roster.WeekOf(Instant.FromUtc(2026, 3, 4, 12, 0)); // the week of Sunday 8 March
        var autumn = roster.WeekOf(Instant.FromUtc(2026, 10, 28, 12, 0)); // the week of Sunday 1 November

        Assert.Equal(Duration.FromHours(167), spring.End - spring.Start);
        Assert.Equal(Duration.FromHours(169), autumn.End - autumn.Start);
    }

    [Fact]
    public void Before_the_first_week_nobody_owns_the_tank_and_turns_repeat_after_everyone_had_one()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Vilnius"];
        var roster = new TankRoster(zone, new LocalDate(2026, 11, 4), [Ana, Ben]); // a Wednesday: its week starts Monday 2 November
        var first = zone.AtStartOfDay(new LocalDate(2026, 11, 2)).ToInstant();

        Assert.Null(roster.WeekOf(first - Duration.FromSeconds(1)).Owner);
        Assert.Equal(Ana, roster.WeekOf(first).Owner);
        Assert.Equal(Ben, roster.WeekOf(first + Duration.FromDays(7)).Owner);
        Assert.Equal(Ana, roster.WeekOf(first + Duration.FromDays(14)).Owner);
    }
}
