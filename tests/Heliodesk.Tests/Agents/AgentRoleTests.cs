using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Agents;

public sealed class AgentRoleTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agent_gets_403_on_every_admin_endpoint(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);
        var team = await ws.Owner.CreateTeamAsync();
        var client = agent.Client;

        HttpResponseMessage[] refused =
        [
            await client.InviteAsync(new { email = AgentTestApi.NewEmail(), name = "Sneaky" }),
            await client.PatchAgentAsync(agent.Id, new { role = "admin" }),
            await client.DeactivateAsync(ws.OwnerAgentId),
            await client.PostAsJsonAsync("/api/v1/teams", new { name = "Shadow team" }, TestApi.Json),
            await client.DeleteAsync($"/api/v1/teams/{team.Id}"),
            await client.SetTeamMembersAsync(team.Id, agent.Id),
            await client.GetAsync("/api/v1/api-tokens"),
            await client.PostAsJsonAsync("/api/v1/api-tokens", new { name = "mine" }, TestApi.Json),
        ];

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(AgentRole.Agent, (await ws.Owner.GetAgentAsync(agent.Id)).Role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/teams")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_demoted_admins_token_loses_admin_rights_on_the_next_call(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var admin = await app.InviteAgentAsync(ws, AgentRole.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/api-tokens")).StatusCode);

        (await ws.Owner.PatchAgentAsync(admin.Id, new { role = "agent" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.GetAsync("/api/v1/api-tokens")).StatusCode);
        Assert.Equal(AgentRole.Agent, (await admin.Client.MeAsync()).Role);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_lead_sets_team_members_but_cannot_create_teams_or_invite(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var lead = await app.InviteAgentAsync(ws, AgentRole.Lead);
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);
        var team = await ws.Owner.CreateTeamAsync();

        var staffed = await (await lead.Client.SetTeamMembersAsync(team.Id, lead.Id, agent.Id)).ReadAsync<TeamResponse>(HttpStatusCode.OK);

        Assert.Equal(new[] { lead.Id, agent.Id }.Order(), staffed.AgentIds.Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.Client.PostAsJsonAsync("/api/v1/teams", new { name = "Mine" }, TestApi.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.Client.InviteAsync(new { email = AgentTestApi.NewEmail(), name = "Friend" })).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_contractor_sees_only_tickets_assigned_to_them_or_to_their_teams(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var contractor = await app.InviteAgentAsync(ws, AgentRole.Contractor);
        var (theirTeam, otherTeam) = (await ws.Owner.CreateTeamAsync(), await ws.Owner.CreateTeamAsync());
        (await ws.Owner.SetTeamMembersAsync(theirTeam.Id, contractor.Id)).EnsureSuccessStatusCode();

        var assigned = await ws.Owner.CreateTicketAsync("Assigned to the contractor", extra: new { assigneeId = contractor.Id });
        var teamQueue = await ws.Owner.CreateTicketAsync("In the contractor's team queue", extra: new { teamId = theirTeam.Id });
        var hidden = new[]
        {
            await ws.Owner.CreateTicketAsync("Another team's", extra: new { teamId = otherTeam.Id }),
            await ws.Owner.CreateTicketAsync("The owner's", extra: new { assigneeId = ws.OwnerAgentId }),
            await ws.Owner.CreateTicketAsync("Nobody's yet"),
        };

        var listed = await (await contractor.Client.GetAsync("/api/v1/tickets")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        Assert.Equal(new[] { assigned.Id, teamQueue.Id }.Order(), listed.Items.Select(t => t.Id).Order());
        Assert.Equal(assigned.Id, (await contractor.Client.GetTicketAsync(assigned.Id)).Id);
        foreach (var ticket in hidden)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await contractor.Client.GetAsync($"/api/v1/tickets/{ticket.Id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.Client.SetTeamMembersAsync(otherTeam.Id, contractor.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.Client.GetAsync("/api/v1/events")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_an_owner_grants_or_removes_the_owner_role(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var admin = await app.InviteAgentAsync(ws, AgentRole.Admin);
        var lead = await app.InviteAgentAsync(ws, AgentRole.Lead);

        await (await admin.Client.PatchAgentAsync(lead.Id, new { role = "owner" })).AssertFieldErrorAsync("role");
        await (await admin.Client.PatchAgentAsync(admin.Id, new { role = "owner" })).AssertFieldErrorAsync("role");
        await (await admin.Client.PatchAgentAsync(ws.OwnerAgentId, new { role = "admin" })).AssertFieldErrorAsync("role");
        await (await admin.Client.InviteAsync(new { email = AgentTestApi.NewEmail(), name = "New boss", role = "owner" })).AssertFieldErrorAsync("role");
        var promoted = await (await admin.Client.PatchAgentAsync(lead.Id, new { role = "admin" })).ReadAsync<AgentResponse>(HttpStatusCode.OK);
        var crowned = await (await ws.Owner.PatchAgentAsync(lead.Id, new { role = "owner" })).ReadAsync<AgentResponse>(HttpStatusCode.OK);

        Assert.Equal((AgentRole.Admin, AgentRole.Owner), (promoted.Role, crowned.Role));
        Assert.Equal(AgentRole.Owner, (await ws.Owner.GetAgentAsync(ws.OwnerAgentId)).Role);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_last_active_owner_cannot_step_down_until_another_owner_exists(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();

        await (await ws.Owner.PatchAgentAsync(ws.OwnerAgentId, new { role = "admin" })).AssertFieldErrorAsync("role");
        var successor = await app.InviteAgentAsync(ws, AgentRole.Owner);
        (await ws.Owner.PatchAgentAsync(ws.OwnerAgentId, new { role = "admin" })).EnsureSuccessStatusCode();
        var lastOne = await successor.Client.PatchAgentAsync(successor.Id, new { role = "agent" });

        await lastOne.AssertFieldErrorAsync("role");
        Assert.Equal(["Test Owner"], (await successor.Client.ListAgentsAsync("?role=owner")).Select(a => a.Name));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_role_change_takes_effect_on_the_agents_next_request(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/v1/api-tokens")).StatusCode);

        (await ws.Owner.PatchAgentAsync(agent.Id, new { role = "admin" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync("/api/v1/api-tokens")).StatusCode);
    }
}
