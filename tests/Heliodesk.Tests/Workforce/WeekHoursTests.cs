using Heliodesk.Features.Workforce;
using NodaTime;

namespace Heliodesk.Tests.Workforce;

/// <summary>A region's week, hour by hour, across the 2026 DST changes of both hemispheres and in a zone without DST.</summary>
public sealed class WeekHoursTests
{
    private static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    [Theory]
    [InlineData("America/New_York", "2026-03-02", 6 * 24 + 2, 167)]   // Sunday 8 March, 02:00 → 03:00
    [InlineData("Europe/Vilnius", "2026-03-23", 6 * 24 + 3, 167)]     // Sunday 29 March, 03:00 → 04:00
    [InlineData("Australia/Sydney", "2026-09-28", 6 * 24 + 2, 167)]   // Sunday 4 October, 02:00 → 03:00
    public void The_hour_a_spring_forward_skips_does_not_happen_and_the_week_has_167_hours(string zone, string monday, int skipped, int hours)
    {
        var slots = WeekHours.Expand(Zone(zone), LocalDate.FromDateOnly(DateOnly.Parse(monday)));

        Assert.Equal(HourSlot.PerWeek, slots.Count);
        Assert.False(slots[skipped].Happens);
        Assert.All(slots.Where(s => s.HourOfWeek != skipped), s => Assert.Equal(Duration.FromHours(1), s.Length));
        Assert.Equal(Duration.FromHours(hours), slots[^1].End - slots[0].Start);
    }

    [Theory]
    [InlineData("America/New_York", "2026-10-26", 6 * 24 + 1)]   // Sunday 1 November, 01:00 twice
    [InlineData("Europe/Vilnius", "2026-10-19", 6 * 24 + 3)]     // Sunday 25 October, 03:00 twice
    [InlineData("Australia/Sydney", "2026-03-30", 6 * 24 + 2)]   // Sunday 5 April, 02:00 twice
    public void The_hour_a_fall_back_repeats_lasts_two_hours_once_and_the_week_has_169(string zone, string monday, int repeated)
    {
        var slots = WeekHours.Expand(Zone(zone), LocalDate.FromDateOnly(DateOnly.Parse(monday)));

        Assert.Equal(Duration.FromHours(2), slots[repeated].Length);
        Assert.All(slots.Where(s => s.HourOfWeek != repeated), s => Assert.Equal(Duration.FromHours(1), s.Length));
        Assert.Equal(Duration.FromHours(169), slots[^1].End - slots[0].Start);
        // The hours tile the week: each starts where the one before ended.
        Assert.All(slots.Skip(1), s => Assert.Equal(slots[s.HourOfWeek - 1].End, s.Start));
    }

    [Fact]
    public void Manila_has_no_dst_so_every_week_is_168_hours_and_monday_starts_at_16_utc_on_sunday()
    {
        foreach (var monday in new[] { new LocalDate(2026, 3, 2), new LocalDate(2026, 10, 26), new LocalDate(2026, 3, 30) })
        {
            var slots = WeekHours.Expand(Zone("Asia/Manila"), monday);
            Assert.All(slots, s => Assert.Equal(Duration.FromHours(1), s.Length));
            Assert.Equal(monday.PlusDays(-1).At(new LocalTime(16, 0)).InUtc().ToInstant(), slots[0].Start);
        }
    }

    [Fact]
    public void Weekdays_nine_to_five_stay_nine_to_five_on_the_regions_clock_while_utc_moves_an_hour()
    {
        var hours = StaffingRuleText.Hours("weekdays 09-17");
        Assert.Equal(40, hours.HoursOfWeek.Count);
        Assert.Equal("weekdays 09–17", hours.When);

        var vilnius = Zone("Europe/Vilnius");
        var before = WeekHours.Expand(vilnius, new LocalDate(2026, 3, 23));
        var after = WeekHours.Expand(vilnius, new LocalDate(2026, 3, 30));
        var mondayNine = hours.HoursOfWeek[0];
        Assert.Equal(9, mondayNine);
        Assert.Equal(Instant.FromUtc(2026, 3, 23, 7, 0), before[mondayNine].Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 6, 0), after[mondayNine].Start);

        var newYork = WeekHours.Expand(Zone("America/New_York"), new LocalDate(2026, 11, 2));
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 14, 0), newYork[mondayNine].Start);
    }

    [Theory]
    [InlineData("2026-W45", 2026, 11, 2)]
    [InlineData("2026-11-08", 2026, 11, 2)]
    [InlineData("2027-W01", 2027, 1, 4)]
    public void A_week_is_an_iso_week_or_any_date_in_it(string raw, int year, int month, int day)
    {
        Assert.Equal(new LocalDate(year, month, day), WeekHours.ParseWeek(raw, Instant.FromUtc(2026, 1, 1, 0, 0), DateTimeZone.Utc));
    }
}
