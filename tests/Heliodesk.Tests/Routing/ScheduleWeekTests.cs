using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Routing.Tank;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Heliodesk.Tests.Routing;

/// <summary>
/// The schedules page's week: shifts from the router's own calendar (DST, time off, holidays, swaps), read in the
/// viewer's zone or each agent's, and only of the viewer's workspace. Also the tank marks the inbox rows show.
/// </summary>
public sealed class ScheduleWeekTests(TestDatabases databases)
{
    // New York springs forward on Sunday 14 March 2027: nine in the morning is 14:00 UTC on Saturday, 13:00 on Sunday.
    private static readonly LocalDate DstWeek = new(2027, 3, 8);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_week_across_a_DST_change_shows_the_real_hours_with_time_off_holidays_and_swaps(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        (await ws.Owner.PutAsJsonAsync("/api/v1/regions/AMER", new { timeZone = "America/New_York", holidays = new[] { new { date = "2027-03-12", name = "Founders' day" } } }, TestApi.Json))
            .EnsureSuccessStatusCode();
        var ny = await app.OnlineAgentAsync(ws, ["en"], region: "AMER", timeZone: "America/New_York");
        var chicago = await app.OnlineAgentAsync(ws, ["en"], region: "AMER", timeZone: "America/Chicago");
        var vilnius = await app.OnlineAgentAsync(ws, ["lt"], region: "EMEA", timeZone: "Europe/Vilnius");
        var everyDay = ShiftPattern.EveryDay.Select(day => new { day = day.ToString().ToLowerInvariant(), start = "09:00", end = "17:00" });
        (await ws.Owner.PutAsJsonAsync($"/api/v1/agents/{ny.Id}/schedule",
            new { shifts = everyDay, timeOff = new[] { new { first = "2027-03-10", last = "2027-03-10", note = "Dentist" } } }, TestApi.Json)).EnsureSuccessStatusCode();
        (await ws.Owner.PostAsJsonAsync($"/api/v1/agents/{ny.Id}/schedule/swap", new { withAgentId = chicago.Id, date = "2027-03-11" }, TestApi.Json)).EnsureSuccessStatusCode();

        var week = await ReadWeekAsync(app, ws, "AMER", DstWeek, "UTC");

        Assert.Equal(Utc(2027, 3, 8, 14), Only(week, 0, ny.Id).Start);
        Assert.Equal((Utc(2027, 3, 13, 14), Utc(2027, 3, 13, 22)), (Only(week, 5, ny.Id).Start, Only(week, 5, ny.Id).End));
        Assert.Equal((Utc(2027, 3, 14, 13), Utc(2027, 3, 14, 21)), (Only(week, 6, ny.Id).Start, Only(week, 6, ny.Id).End));
        Assert.Equal(new WeekDayOff(Agent(week, ny.Id), DayOffKind.TimeOff, "Dentist"), Assert.Single(week.Days[2].Off));
        Assert.Empty(week.Days[2].Shifts);
        Assert.Contains(new WeekDayOff(Agent(week, ny.Id), DayOffKind.Holiday, "Founders' day"), week.Days[4].Off);
        Assert.Contains(new WeekDayOff(Agent(week, chicago.Id), DayOffKind.Holiday, "Founders' day"), week.Days[4].Off);
        // Thursday's hours moved to Chicago as an extra shift: the same instants, marked as a swap.
        var swapped = Only(week, 3, chicago.Id);
        Assert.Equal((Utc(2027, 3, 11, 14), true), (swapped.Start, swapped.Extra));
        Assert.Equal("Swap with Test Agent", swapped.Note);
        Assert.DoesNotContain(week.Days[3].Shifts, s => s.Agent.Id == ny.Id);
        Assert.DoesNotContain(week.Scheduled.Concat(week.Unscheduled), a => a.Id == vilnius.Id);

        // In Auckland it is already Monday when New York's Sunday shift starts: that shift belongs to this week there.
        var auckland = await ReadWeekAsync(app, ws, "AMER", DstWeek, "Pacific/Auckland");
        Assert.Equal(Utc(2027, 3, 7, 14), Only(auckland, 0, ny.Id).Start);
        Assert.Equal(Utc(2027, 3, 8, 14), Only(auckland, 1, ny.Id).Start);
        // Each agent's own zone: Sunday stays Sunday, at nine in New York.
        var own = await ReadWeekAsync(app, ws, "AMER", DstWeek, zone: null);
        Assert.Equal(Utc(2027, 3, 14, 13), Only(own, 6, ny.Id).Start);
        Assert.Null(own.Zone);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_week_lists_only_the_workspaces_own_agents_and_unscheduled_ones_apart(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, other) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var mine = await app.OnlineAgentAsync(ws, ["en"], region: "EMEA", timeZone: "Europe/Vilnius");
        var idle = await app.OnlineAgentAsync(ws, ["en"], region: "EMEA");
        var theirs = await app.OnlineAgentAsync(other, ["en"], region: "EMEA", timeZone: "Europe/Vilnius");
        await ws.Owner.WeekdayShiftsAsync(mine.Id, "09:00", "17:00");
        await other.Owner.WeekdayShiftsAsync(theirs.Id, "09:00", "17:00");

        var week = await ReadWeekAsync(app, ws, "EMEA", DstWeek, "UTC");
        var contractorView = await ReadWeekAsync(app, ws, null, DstWeek, "UTC", only: idle.Id);

        Assert.Equal([mine.Id], week.Scheduled.Select(a => a.Id));
        Assert.Contains(week.Unscheduled, a => a.Id == idle.Id);
        Assert.All(week.Days, d => Assert.All(d.Shifts, s => Assert.Equal(mine.Id, s.Agent.Id)));
        Assert.Equal(5, week.Days.Sum(d => d.Shifts.Count));
        Assert.Equal([idle.Id], contractorView.Scheduled.Concat(contractorView.Unscheduled).Select(a => a.Id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Tank_marks_are_read_for_a_page_of_tickets_and_never_across_workspaces(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, other) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var (tank, plain) = (await ws.Owner.CreateTicketAsync("Long story"), await ws.Owner.CreateTicketAsync("Quick one"));
        var theirs = await other.Owner.CreateTicketAsync("Their long story");
        await MarkTankAsync(app, ws.Id, tank.Id);
        await MarkTankAsync(app, other.Id, theirs.Id);

        var marks = await InWorkspaceAsync(app, ws.Id, db => TankMarks.ReasonsAsync(db, [tank.Id, plain.Id, theirs.Id], default));

        Assert.Equal([tank.Id], marks.Keys);
        Assert.Equal("9 touches, over 8", marks[tank.Id]);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_deleted_region_takes_its_digest_webhook_with_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        (await ws.Owner.PutAsJsonAsync("/api/v1/regions/APAC", new { timeZone = "Asia/Manila" }, TestApi.Json)).EnsureSuccessStatusCode();
        await ws.Owner.SetDigestWebhookAsync("APAC", "https://hooks.example.com/services/T0/B0/secret");

        Assert.Equal(HttpStatusCode.NoContent, (await ws.Owner.DeleteAsync("/api/v1/regions/APAC")).StatusCode);
        (await ws.Owner.PutAsJsonAsync("/api/v1/regions/APAC", new { timeZone = "Asia/Singapore" }, TestApi.Json)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.GetAsync("/api/v1/regions/APAC/digest-webhook")).StatusCode);
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static WeekShift Only(ScheduleWeekView week, int day, Guid agentId) => Assert.Single(week.Days[day].Shifts, s => s.Agent.Id == agentId);

    private static WeekAgent Agent(ScheduleWeekView week, Guid id) => week.Scheduled.Single(a => a.Id == id);

    private static Task<ScheduleWeekView> ReadWeekAsync(HeliodeskApplication app, TestWorkspace ws, string? region, LocalDate monday, string? zone, Guid? only = null) =>
        InWorkspaceAsync(app, ws.Id, db => ScheduleWeek.ReadAsync(db, new ScheduleStore(db), region, monday,
            zone is null ? null : DateTimeZoneProviders.Tzdb[zone], only, default));

    private static Task MarkTankAsync(HeliodeskApplication app, Guid workspaceId, Guid ticketId) => InWorkspaceAsync(app, workspaceId, async db =>
    {
        // What the tank sweep writes when a ticket passes its queue's touch limit.
        db.Add(new TankMark { WorkspaceId = workspaceId, TicketId = ticketId, Since = app.Clock.GetUtcNow(), Reason = "9 touches, over 8" });
        await db.SaveChangesAsync();
        return true;
    });

    private static async Task<T> InWorkspaceAsync<T>(HeliodeskApplication app, Guid workspaceId, Func<HeliodeskDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
        return await work(scope.ServiceProvider.GetRequiredService<HeliodeskDb>());
    }
}
