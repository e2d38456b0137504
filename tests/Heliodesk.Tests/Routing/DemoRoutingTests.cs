using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Routing;

public sealed class DemoRoutingTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_demos_waiting_tickets_go_to_whichever_region_is_at_work_and_follow_the_sun(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider, demo: true);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var demo = await db.Workspaces.SingleAsync(w => w.Name == "Demo");
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(demo.Id);

        // Monday 09:00 UTC: the European morning; the Americas are asleep and Asia-Pacific has gone home.
        await app.RouteNowAsync();
        var regions = await RegionsOfRoutedAsync(db);
        Assert.Equal(["EMEA"], regions);

        // New work that arrives at 02:00 UTC on Tuesday is Asia-Pacific's.
        app.Clock.Advance(TimeSpan.FromHours(17));
        using var owner = app.ClientWithToken(await OwnerTokenAsync(db, demo.Id));
        var ticket = await owner.CreateTicketAsync("Night in Europe", extra: new { language = "en" });
        await app.RouteNowAsync();
        var assignee = (await owner.GetTicketAsync(ticket.Id)).AssigneeId;
        Assert.Equal("APAC", await db.Agents.Where(a => a.Id == assignee).Select(a => a.Region).SingleAsync());
    }

    private static async Task<List<string?>> RegionsOfRoutedAsync(HeliodeskDb db)
    {
        var routed = db.Set<TicketRouting>().Where(r => r.State == RoutingState.Assigned && r.Reason != null).Select(r => r.AssignedAgentId);
        Assert.True(await routed.AnyAsync(), "The router assigned none of the demo's waiting tickets.");
        return await db.Agents.Where(a => routed.Contains(a.Id)).Select(a => a.Region).Distinct().ToListAsync();
    }

    // The demo owner signs in with a password shown once in the log; the test gives them a token instead.
    private static async Task<string> OwnerTokenAsync(HeliodeskDb db, Guid workspaceId)
    {
        var owner = await db.Agents.SingleAsync(a => a.Email == Features.Demo.DemoWorkspace.OwnerEmail);
        var secret = ApiToken.NewSecret();
        db.ApiTokens.Add(new ApiToken { WorkspaceId = workspaceId, AgentId = owner.Id, Name = "Test", Hash = ApiToken.HashOf(secret), Hint = ApiToken.HintOf(secret) });
        await db.SaveChangesAsync();
        return secret;
    }
}
