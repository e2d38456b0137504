using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Workforce;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Workforce;

/// <summary>The clock moves a week here, so each test has an application of its own.</summary>
public sealed class ForecastTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Last_weeks_arrivals_and_measured_handle_times_become_agents_needed_the_same_hour_this_week(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        await ws.Owner.PutRegionAsync("EMEA", "Europe/London");
        var agent = await app.OnlineAgentAsync(ws, ["es"], region: "EMEA", timeZone: "Europe/London");
        await ws.Owner.WeekdayShiftsAsync(agent.Id, "09:00", "10:00");

        // Monday 09:00–10:00 UTC (London is on GMT): six Spanish requests, each answered after eight minutes of work.
        for (var i = 0; i < 6; i++)
        {
            var ticket = await ws.Owner.CreateTicketAsync($"Factura {i}", extra: new { language = "es", assigneeId = agent.Id });
            app.Clock.Advance(TimeSpan.FromMinutes(8));
            (await agent.Client.PostAsJsonAsync($"/api/v1/tickets/{ticket.Id}/messages", new { body = "Hola, ya está corregida.", kind = "reply" }, TestApi.Json))
                .EnsureSuccessStatusCode();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(54));

        var grid = await ws.Owner.CoverageAsync("EMEA");
        Assert.Equal("2026-W46", grid.Week);
        var handle = Assert.Single(grid.Forecast.HandleTimes);
        Assert.True(handle.Measured);
        Assert.Equal((8.0, 6), (Math.Round(handle.Minutes, 1), handle.Tickets));

        var spanish = Assert.Single(grid.Forecast.Lines, l => l.Language == "es");
        var nine = spanish.Hours[9];
        // Six an hour of eight minutes is 0.8 Erlangs: one agent answers 82 % within the hour, two after 30 % shrinkage.
        Assert.Equal((6.0, 2, 1, 1), (nine.Arrivals, nine.Needed, nine.Scheduled, nine.Short));
        Assert.Equal((0.0, 0), (spanish.Hours[10].Arrivals, spanish.Hours[10].Needed));
        Assert.Equal((null, 2), (grid.Forecast.Lines[0].Language, grid.Forecast.Lines[0].Hours[9].Needed));

        var needs = await ws.Owner.NeedsAsync("region=EMEA");
        var need = Assert.Single(needs, n => n.Source == NeedSource.Forecast && n.Language == "es");
        Assert.Equal(("2026-11-09T09:00", "2026-11-09T10:00", 1), (need.LocalFrom, need.LocalTo, need.AgentsShort));
    }
}
