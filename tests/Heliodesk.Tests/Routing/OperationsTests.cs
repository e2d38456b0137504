using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Routing.Operations;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Routing;

public sealed class OperationsTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_operations_view_shows_per_region_who_works_now_with_status_and_load_and_what_waits_in_each_queue(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        (await ws.Owner.PostAsync("/api/v1/regions/defaults", null)).EnsureSuccessStatusCode();
        var billing = await ws.Owner.CreateQueueAsync("Billing EMEA", new { region = "EMEA", overflowAfterSeconds = 7 * 24 * 3600 });
        await ws.Owner.CreateRuleAsync(billing.Id);
        var vilnius = await app.OnlineAgentAsync(ws, ["lt"], region: "EMEA", timeZone: "Europe/Vilnius");
        var newYork = await app.OnlineAgentAsync(ws, ["en"], region: "AMER", timeZone: "America/New_York");
        await newYork.Client.SetMyStatusAsync(AgentStatus.Away);
        var other = await app.CreateWorkspaceAsync();
        await app.OnlineAgentAsync(other, ["en"], region: "EMEA");

        var waiting = await ws.Owner.CreateTicketAsync("Facture en double", extra: new { language = "fr" });
        var held = await ws.Owner.CreateTicketAsync("Sąskaita", extra: new { language = "lt" });
        await app.RouteNowAsync();
        Assert.Equal(vilnius.Id, (await ws.Owner.GetTicketAsync(held.Id)).AssigneeId);
        var enqueuedAt = (await ws.Owner.RoutingOfAsync(waiting.Id)).EnqueuedAt;

        var view = await (await ws.Owner.GetAsync("/api/v1/operations")).ReadAsync<OperationsResponse>(HttpStatusCode.OK);
        Assert.Equal(["AMER", "APAC", "EMEA", null], view.Regions.Select(r => r.Region));
        var emea = view.Regions.Single(r => r.Region == "EMEA");
        Assert.Equal("Europe/London", emea.TimeZone);
        var agent = Assert.Single(emea.Agents);
        Assert.Equal((vilnius.Id, AgentStatus.Online, true, 1), (agent.AgentId, agent.Status, agent.OnShift, agent.OpenTickets));
        var queue = Assert.Single(emea.Queues);
        Assert.Equal((billing.Id, "Billing EMEA", 1, enqueuedAt), (queue.QueueId, queue.Name, queue.Waiting, queue.OldestWaitingSince));
        Assert.Equal(AgentStatus.Away, Assert.Single(view.Regions.Single(r => r.Region == "AMER").Agents).Status);
        Assert.Empty(view.Regions.Single(r => r.Region == "APAC").Agents);

        var filtered = await (await ws.Owner.GetAsync("/api/v1/operations?region=emea")).ReadAsync<OperationsResponse>(HttpStatusCode.OK);
        Assert.Equal(["EMEA"], filtered.Regions.Select(r => r.Region));
        await (await ws.Owner.GetAsync("/api/v1/operations?region=Mars")).AssertFieldErrorAsync("region");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_leads_and_admins_see_operations(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);
        var lead = await app.InviteAgentAsync(ws, AgentRole.Lead);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/v1/operations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.Client.GetAsync("/api/v1/operations")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_status_change_is_announced_to_open_screens_of_its_own_workspace_and_a_refused_one_is_not(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var other = await app.CreateWorkspaceAsync();
        var agent = await app.OnlineAgentAsync(ws, ["en"]);
        var feed = app.Services.GetRequiredService<PresenceFeed>();
        var (mine, theirs) = (new List<PresenceChange>(), new List<PresenceChange>());
        using var _ = feed.Subscribe(ws.Id, c => { lock (mine) { mine.Add(c); } });
        using var __ = feed.Subscribe(other.Id, c => { lock (theirs) { theirs.Add(c); } });

        await agent.Client.SetMyStatusAsync(AgentStatus.Away);
        var refused = await ws.Owner.PutAsJsonAsync($"/api/v1/agents/{agent.Id}/presence", new { status = "offline", maxOpenTickets = -1 }, TestApi.Json);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        Assert.Equal([new PresenceChange(ws.Id, agent.Id)], mine);
        Assert.Empty(theirs);
    }
}
