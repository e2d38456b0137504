using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Workforce;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Workforce;

public sealed class StaffingApiTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Leads_write_minimums_in_one_sentence_and_agents_cannot(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await ws.Owner.PutRegionAsync("EMEA", "Europe/Vilnius");
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);

        var rule = await ws.Owner.AddMinimumAsync("weekdays 09–17 need 2 es-speaking billing agents in EMEA");
        Assert.Equal(("EMEA", "Europe/Vilnius", "es", "billing", 2, 40), (rule.Region, rule.TimeZone, rule.Language, rule.Skill, rule.Agents, rule.HoursOfWeek.Count));
        Assert.Equal("weekdays 09–17 need 2 es-speaking billing agents in EMEA", rule.Rule);

        var changed = await (await ws.Owner.PutAsJsonAsync($"/api/v1/staffing/minimums/{rule.Id}", new { region = "EMEA", when = "sat,sun 10-14", agents = 1 }, TestApi.Json))
            .ReadAsync<StaffingMinimumResponse>(HttpStatusCode.OK);
        Assert.Equal(("weekends 10–14", 8, (string?)null), (changed.When, changed.HoursOfWeek.Count, changed.Language));
        Assert.Single(await (await ws.Owner.GetAsync("/api/v1/staffing/minimums?region=EMEA")).ReadAsync<List<StaffingMinimumResponse>>(HttpStatusCode.OK));

        await (await ws.Owner.PostAsJsonAsync("/api/v1/staffing/minimums", new { rule = "whenever need some agents" }, TestApi.Json)).AssertFieldErrorAsync("rule");
        await (await ws.Owner.PostAsJsonAsync("/api/v1/staffing/minimums", new { rule = "weekdays 09-17 need 2 agents in Mars" }, TestApi.Json)).AssertFieldErrorAsync("region");
        await (await ws.Owner.PostAsJsonAsync("/api/v1/staffing/minimums", new { region = "EMEA", when = "weekdays 9am-5pm", agents = 2 }, TestApi.Json)).AssertFieldErrorAsync("when");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PostAsJsonAsync("/api/v1/staffing/minimums", new { rule = "daily 00-24 need 1 agent in EMEA" }, TestApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/v1/staffing/coverage?region=EMEA")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ws.Owner.DeleteAsync($"/api/v1/staffing/minimums/{rule.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.GetAsync($"/api/v1/staffing/minimums/{rule.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_grid_counts_shifts_minus_time_off_and_holidays_against_the_minimum_and_lists_the_gaps_as_needs(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await ws.Owner.PutRegionAsync("EMEA", "Europe/Vilnius", ("2026-11-05", "Test holiday"));
        var ana = await app.OnlineAgentAsync(ws, ["es", "en"], ["billing"], region: "EMEA", timeZone: "Europe/Vilnius");
        var bea = await app.OnlineAgentAsync(ws, ["es"], ["billing"], region: "EMEA", timeZone: "Europe/Madrid");
        await app.OnlineAgentAsync(ws, ["lt"], ["billing"], region: "EMEA", timeZone: "Europe/Vilnius");
        await ws.Owner.WeekdayShiftsAsync(ana.Id, "09:00", "17:00");
        await ws.Owner.WeekdayShiftsAsync(bea.Id, "08:00", "16:00", new { timeOff = new[] { new { first = "2026-11-04", last = "2026-11-04" } } });
        await ws.Owner.AddMinimumAsync("weekdays 09-17 need 2 es-speaking billing agents in EMEA");

        var grid = await ws.Owner.CoverageAsync("EMEA", "2026-W45");
        Assert.Equal(("EMEA", "Europe/Vilnius", "2026-W45"), (grid.Region, grid.TimeZone, grid.Week));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 22, 0, 0, TimeSpan.Zero), grid.From);
        Assert.Equal(["all agents", "es · billing"], grid.Lines.Select(l => l.Label));
        var line = grid.Lines[1];
        Assert.Equal(168, line.Hours.Count);
        // Madrid's 08:00–16:00 is Vilnius's 09:00–17:00: both count on Monday.
        Assert.Equal((2, 2, 0), (line.At("2026-11-02T09:00").Scheduled, line.At("2026-11-02T09:00").Minimum, line.At("2026-11-02T09:00").Short));
        Assert.Equal((1, 1), (line.At("2026-11-04T12:00").Scheduled, line.At("2026-11-04T12:00").Short)); // Bea's day off
        Assert.Equal((0, 2), (line.At("2026-11-05T12:00").Scheduled, line.At("2026-11-05T12:00").Short)); // the region's holiday: both off
        Assert.Equal((0, 0), (line.At("2026-11-07T12:00").Minimum, line.At("2026-11-07T12:00").Short));
        Assert.Equal(2, grid.Lines[0].At("2026-11-02T09:00").Scheduled); // the Lithuanian speaker has no shift planned, so is not counted

        var needs = (await ws.Owner.NeedsAsync("region=EMEA&week=2026-11-04")).Where(n => n.Source == NeedSource.Minimum).ToList();
        var wednesday = Assert.Single(needs, n => n.LocalFrom == "2026-11-04T09:00");
        Assert.Equal(("2026-11-04T17:00", "es", "billing", 1, 8), (wednesday.LocalTo, wednesday.Language, wednesday.Skill, wednesday.AgentsShort, wednesday.HoursOfWeek.Count));
        Assert.Contains(needs, n => n.LocalFrom == "2026-11-05T09:00" && n.AgentsShort == 2 && n.From == new DateTimeOffset(2026, 11, 5, 7, 0, 0, TimeSpan.Zero));
    }
}
