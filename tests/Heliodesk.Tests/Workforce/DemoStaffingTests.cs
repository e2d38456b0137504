using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Workforce;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Workforce;

public sealed class DemoStaffingTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_demo_grid_shows_real_gaps_and_a_forecast_from_four_weeks_of_measured_work(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider, demo: true);
        using var owner = app.ClientWithToken(await DemoOwnerTokenAsync(app));

        var emea = await owner.CoverageAsync("EMEA");
        var spanish = Assert.Single(emea.Lines, l => l.Language == "es" && l.Skill is null);
        // Two Spanish speakers wanted 09–17 London time, and Lucía (08–16 London, from Madrid) is EMEA's only one.
        Assert.Equal(40, spanish.Hours.Count(h => h.Short > 0));
        Assert.Equal((1, 2), (spanish.At("2026-11-02T09:00").Short, spanish.At("2026-11-02T16:00").Short));

        Assert.Equal(4, emea.Forecast.Weeks);
        Assert.Contains(emea.Forecast.HandleTimes, h => h.Measured && h.Tickets >= 20);
        Assert.Contains(emea.Forecast.Lines, l => l.Language == "lt" && l.Hours.Any(h => h.Arrivals > 0 && h.Needed > 0));
        var needs = await owner.NeedsAsync("");
        Assert.Contains(needs, n => n.Region == "APAC" && n.Language == "ja" && n.Source == NeedSource.Minimum);
        Assert.Contains(needs, n => n.Source == NeedSource.Forecast);
    }

    // The demo owner signs in with a password shown once in the log; the test gives them a token instead.
    private static async Task<string> DemoOwnerTokenAsync(HeliodeskApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var demo = await db.Workspaces.SingleAsync(w => w.Name == "Demo");
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(demo.Id);
        var owner = await db.Agents.SingleAsync(a => a.Email == Features.Demo.DemoWorkspace.OwnerEmail);
        var secret = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken { WorkspaceId = demo.Id, AgentId = owner.Id, Name = "Test", Hash = ApiToken.HashOf(secret), Hint = ApiToken.HintOf(secret) });
        await db.SaveChangesAsync();
        return secret;
    }
}
