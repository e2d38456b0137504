using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Routing;

/// <summary>The router's clock moves here, so each test has an application of its own.</summary>
public sealed class ScheduleTests(TestDatabases databases)
{
    private static readonly DateTimeOffset MondayNineUtc = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Tickets_go_to_whoever_is_on_shift_in_their_own_zone_and_holidays_and_swaps_move_the_shift(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var queue = await ws.Owner.CreateQueueAsync("Everyone");
        await ws.Owner.CreateRuleAsync(queue.Id);
        (await ws.Owner.PutAsJsonAsync("/api/v1/regions/EMEA", new { timeZone = "Europe/Vilnius", holidays = new[] { new { date = "2026-11-05", name = "Test holiday" } } }, TestApi.Json))
            .EnsureSuccessStatusCode();
        var vilnius = await app.OnlineAgentAsync(ws, ["en"], region: "EMEA", timeZone: "Europe/Vilnius");
        var manila = await app.OnlineAgentAsync(ws, ["en"], region: "APAC", timeZone: "Asia/Manila");
        var ny = await app.OnlineAgentAsync(ws, ["en"], region: "AMER", timeZone: "America/New_York");
        await ws.Owner.WeekdayShiftsAsync(vilnius.Id, "09:00", "17:00");
        await ws.Owner.WeekdayShiftsAsync(manila.Id, "09:00", "17:00");
        var nySchedule = await ws.Owner.WeekdayShiftsAsync(ny.Id, "09:00", "17:00");

        // New York fell back to EST the day before: nine in the morning there is 14:00 UTC now, not 13:00.
        Assert.Equal(new ShiftTime(MondayNineUtc.AddHours(5), MondayNineUtc.AddHours(13)), nySchedule.Upcoming[0]);

        // The clock starts at MondayNineUtc: 11:00 in Vilnius, 17:00 in Manila (just ended), 04:00 in New York.
        var european = await ws.Owner.CreateTicketAsync("Morning in Europe");
        await app.RouteNowAsync();
        Assert.Equal(vilnius.Id, (await ws.Owner.GetTicketAsync(european.Id)).AssigneeId);

        app.Clock.SetUtcNow(MondayNineUtc.AddHours(16).AddMinutes(30)); // Tuesday 09:30 in Manila
        var asian = await ws.Owner.CreateTicketAsync("Morning in Asia");
        await app.RouteNowAsync();
        Assert.Equal(manila.Id, (await ws.Owner.GetTicketAsync(asian.Id)).AssigneeId);

        // Thursday is an EMEA holiday: 10:00 UTC finds Vilnius off, so the ticket waits for New York's morning.
        app.Clock.SetUtcNow(MondayNineUtc.AddDays(3).AddHours(1));
        var holiday = await ws.Owner.CreateTicketAsync("On the holiday");
        await app.RouteNowAsync();
        Assert.Null((await ws.Owner.GetTicketAsync(holiday.Id)).AssigneeId);
        Assert.False((await (await ws.Owner.GetAsync($"/api/v1/agents/{vilnius.Id}/schedule")).ReadAsync<ScheduleResponse>(HttpStatusCode.OK)).OnShiftNow);
        app.Clock.SetUtcNow(MondayNineUtc.AddDays(3).AddHours(5).AddMinutes(1));
        await app.RouteNowAsync();
        Assert.Equal(ny.Id, (await ws.Owner.GetTicketAsync(holiday.Id)).AssigneeId);

        // Friday: Vilnius swaps their shift to Manila, who then works Vilnius's hours (07:00–15:00 UTC) too.
        var swapped = await (await ws.Owner.PostAsJsonAsync($"/api/v1/agents/{vilnius.Id}/schedule/swap", new { withAgentId = manila.Id, date = "2026-11-06" }, TestApi.Json))
            .ReadAsync<ScheduleResponse>(HttpStatusCode.OK);
        Assert.Contains(swapped.TimeOff, t => t.First == new DateOnly(2026, 11, 6));
        app.Clock.SetUtcNow(MondayNineUtc.AddDays(4).AddHours(1));
        var friday = await ws.Owner.CreateTicketAsync("Friday morning in Europe");
        await app.RouteNowAsync();
        Assert.Equal(manila.Id, (await ws.Owner.GetTicketAsync(friday.Id)).AssigneeId);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Schedules_are_validated_and_planned_by_leads_only(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.OnlineAgentAsync(ws, ["en"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.PutAsJsonAsync($"/api/v1/agents/{agent.Id}/schedule", new { shifts = Array.Empty<object>() }, TestApi.Json)).StatusCode);
        await (await ws.Owner.PutAsJsonAsync($"/api/v1/agents/{agent.Id}/schedule", new { shifts = new[] { new { day = "monday", start = "9am", end = "17:00" } } }, TestApi.Json))
            .AssertFieldErrorAsync("shifts");
        await (await ws.Owner.PutAsJsonAsync("/api/v1/regions/EMEA", new { timeZone = "Europe/Atlantis" }, TestApi.Json)).AssertFieldErrorAsync("timeZone");
        var own = await (await agent.Client.GetAsync($"/api/v1/agents/{agent.Id}/schedule")).ReadAsync<ScheduleResponse>(HttpStatusCode.OK);
        Assert.Equal((true, 0), (own.OnShiftNow, own.Upcoming.Count));
        var defaults = await (await ws.Owner.PostAsync("/api/v1/regions/defaults", null)).ReadAsync<List<RegionResponse>>(HttpStatusCode.OK);
        Assert.Equal(["AMER", "APAC", "EMEA"], defaults.Select(r => r.Name));
    }
}
