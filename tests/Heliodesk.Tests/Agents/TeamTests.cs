using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Agents;

public sealed class TeamTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_team_is_created_staffed_listed_with_its_member_count_and_renamed(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws);

        var billing = await ws.Owner.CreateTeamAsync("Billing EMEA");
        var empty = await ws.Owner.CreateTeamAsync("APAC nights");
        (await ws.Owner.SetTeamMembersAsync(billing.Id, agent.Id, ws.OwnerAgentId, agent.Id)).EnsureSuccessStatusCode();
        var renamed = await (await ws.Owner.PatchAsJsonAsync($"/api/v1/teams/{billing.Id}", new { name = "Billing Europe", description = "Invoices, refunds" }, TestApi.Json))
            .ReadAsync<TeamResponse>(HttpStatusCode.OK);
        var listed = await (await agent.Client.GetAsync("/api/v1/teams")).ReadAsync<TeamPage>(HttpStatusCode.OK);

        Assert.Equal([("APAC nights", 0), ("Billing Europe", 2)], listed.Items.Select(t => (t.Name, t.MemberCount)));
        Assert.Equal(("Invoices, refunds", 2), (renamed.Description, renamed.AgentIds.Count));
        Assert.Equal(new[] { agent.Id, ws.OwnerAgentId }.Order(), (await agent.Client.GetFromJsonAsync<TeamResponse>($"/api/v1/teams/{billing.Id}", TestApi.Json))!.AgentIds.Order());
        Assert.Equal(0, empty.MemberCount);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_second_team_with_the_same_name_is_a_409(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var other = await ws.Owner.CreateTeamAsync("Tier 2");
        await ws.Owner.CreateTeamAsync("Escalations");

        var duplicate = await ws.Owner.PostAsJsonAsync("/api/v1/teams", new { name = " escalations " }, TestApi.Json);
        var renamedOnto = await ws.Owner.PatchAsJsonAsync($"/api/v1/teams/{other.Id}", new { name = "ESCALATIONS" }, TestApi.Json);
        var blank = await ws.Owner.PostAsJsonAsync("/api/v1/teams", new { name = "  " }, TestApi.Json);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (duplicate.StatusCode, renamedOnto.StatusCode));
        await blank.AssertFieldErrorAsync("name");
        Assert.Equal(2, (await (await ws.Owner.GetAsync("/api/v1/teams")).ReadAsync<TeamPage>(HttpStatusCode.OK)).Items.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Team_members_must_be_agents_of_this_workspace(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, elsewhere) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var team = await ws.Owner.CreateTeamAsync();
        (await ws.Owner.SetTeamMembersAsync(team.Id, ws.OwnerAgentId)).EnsureSuccessStatusCode();

        var foreign = await ws.Owner.SetTeamMembersAsync(team.Id, ws.OwnerAgentId, elsewhere.OwnerAgentId);
        var madeUp = await ws.Owner.SetTeamMembersAsync(team.Id, Guid.NewGuid());
        var missing = await ws.Owner.PutAsJsonAsync($"/api/v1/teams/{team.Id}/members", new { }, TestApi.Json);

        await foreign.AssertFieldErrorAsync("agentIds");
        await madeUp.AssertFieldErrorAsync("agentIds");
        await missing.AssertFieldErrorAsync("agentIds");
        Assert.Equal([ws.OwnerAgentId], (await ws.Owner.GetFromJsonAsync<TeamResponse>($"/api/v1/teams/{team.Id}", TestApi.Json))!.AgentIds);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_team_is_deleted_only_once_its_open_work_has_moved(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws);
        var team = await ws.Owner.CreateTeamAsync();
        (await ws.Owner.SetTeamMembersAsync(team.Id, agent.Id)).EnsureSuccessStatusCode();
        var ticket = await ws.Owner.CreateTicketAsync(extra: new { teamId = team.Id });

        var refused = await ws.Owner.DeleteAsync($"/api/v1/teams/{team.Id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(team.Id, (await ws.Owner.GetTicketAsync(ticket.Id)).TeamId);

        (await ws.Owner.PatchTicketAsync(ticket.Id, new { teamId = (Guid?)null })).EnsureSuccessStatusCode();
        var deleted = await ws.Owner.DeleteAsync($"/api/v1/teams/{team.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Contains(await ws.Owner.EventsAsync(ticket.Id), e => e.Type == Features.Tickets.TicketEventType.TeamChanged && e.From == team.Id.ToString());
        Assert.Empty((await ws.Owner.GetAgentAsync(agent.Id)).TeamIds);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.GetAsync($"/api/v1/teams/{team.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.DeleteAsync($"/api/v1/teams/{team.Id}")).StatusCode);
    }
}
