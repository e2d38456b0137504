using Heliodesk.Common;
using Heliodesk.Features.Workforce;

namespace Heliodesk.Tests.Workforce;

public sealed class StaffingRuleTextTests
{
    [Fact]
    public void A_sentence_names_the_hours_the_count_the_language_the_skill_and_the_region()
    {
        var spec = StaffingRuleText.ParseSentence("weekdays 09–17 need 2 es-speaking billing agents in EMEA");

        Assert.Equal(new StaffingRuleSpec("EMEA", "es", "billing", 2, "weekdays 09-17"), spec);
        Assert.Equal(new StaffingRuleSpec("APAC", "zh-Hans", null, 1, "daily 00-24"), StaffingRuleText.ParseSentence("daily 00-24 needs 1 zh-Hans-speaking agent in APAC"));
        Assert.Equal(new StaffingRuleSpec("AMER", null, "first-line", 3, "sat,sun 10:00-14:00"), StaffingRuleText.ParseSentence("sat,sun 10:00-14:00 need 3 first-line agents in AMER"));
    }

    [Theory]
    [InlineData("weekends 10-14", "weekends 10–14", 8)]
    [InlineData("mon,wed,fri 09:00–12:00", "mon,wed,fri 09–12", 9)]
    [InlineData("fri-mon 08-10", "mon,fri,sat,sun 08–10", 8)]
    [InlineData("daily 22-06", "daily 22–06", 56)]
    [InlineData("every day 00-24", "daily 00–24", 168)]
    public void Hours_expand_to_hours_of_the_week(string text, string canonical, int count)
    {
        var hours = StaffingRuleText.Hours(text);
        Assert.Equal(canonical, hours.When);
        Assert.Equal(count, hours.HoursOfWeek.Count);
        Assert.All(hours.HoursOfWeek, h => Assert.InRange(h, 0, 167));
    }

    [Fact]
    public void A_night_on_sunday_runs_into_monday_morning()
    {
        var hours = StaffingRuleText.Hours("sun 22-02");
        Assert.Equal([0, 1, 166, 167], hours.HoursOfWeek);
    }

    [Theory]
    [InlineData("weekdays 9am-5pm")]
    [InlineData("someday 09-17")]
    [InlineData("weekdays 09-25")]
    public void Hours_people_cannot_mean_are_refused_on_the_field(string text)
    {
        var error = Assert.Throws<DomainRuleException>(() => StaffingRuleText.Hours(text));
        Assert.Equal("when", error.Field);
    }
}
