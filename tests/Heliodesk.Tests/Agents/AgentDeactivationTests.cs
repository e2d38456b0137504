using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Agents;

public sealed class AgentDeactivationTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_deactivated_agent_loses_their_token_their_cookie_and_their_sign_in(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);
        using var browser = await app.SignInAsync(agent.Agent.Email, agent.TemporaryPassword!);
        (await agent.Client.PutAsJsonAsync("/api/v1/me/status", new { status = "online" }, TestApi.Json)).EnsureSuccessStatusCode();

        var deactivated = await (await ws.Owner.DeactivateAsync(agent.Id)).ReadAsync<AgentResponse>(HttpStatusCode.OK);

        Assert.Equal((false, AgentStatus.Offline), (deactivated.IsActive, deactivated.Status));
        Assert.NotNull(deactivated.DeactivatedAt);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
        var signIn = await app.BrowserClient().PostAsJsonAsync("/api/v1/auth/sign-in", new { email = agent.Agent.Email, password = agent.TemporaryPassword }, TestApi.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_deactivated_agents_unsolved_tickets_go_back_to_their_queue_with_an_event(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var freelancer = await app.InviteAgentAsync(ws, AgentRole.Contractor);
        var team = await ws.Owner.CreateTeamAsync();
        var open = await ws.Owner.CreateTicketAsync("Open work", extra: new { assigneeId = freelancer.Id, teamId = team.Id, status = "pending" });
        var solved = await ws.Owner.CreateTicketAsync("Done work", extra: new { assigneeId = freelancer.Id, status = "solved" });

        (await ws.Owner.DeactivateAsync(freelancer.Id)).EnsureSuccessStatusCode();

        var returned = await ws.Owner.GetTicketAsync(open.Id);
        Assert.Equal((null, team.Id, Features.Tickets.TicketStatus.Pending), (returned.AssigneeId, returned.TeamId, returned.Status));
        Assert.Contains(await ws.Owner.EventsAsync(open.Id), e => e.Type == Features.Tickets.TicketEventType.AssigneeChanged
            && e.From == freelancer.Id.ToString() && e.To is null && e.ActorId == ws.OwnerAgentId);
        Assert.Equal(freelancer.Id, (await ws.Owner.GetTicketAsync(solved.Id)).AssigneeId);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reactivation_gives_the_access_back(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, AgentRole.Agent);
        (await ws.Owner.DeactivateAsync(agent.Id)).EnsureSuccessStatusCode();

        var reactivated = await (await ws.Owner.ReactivateAsync(agent.Id)).ReadAsync<AgentResponse>(HttpStatusCode.OK);

        Assert.Equal((true, null), (reactivated.IsActive, reactivated.DeactivatedAt));
        Assert.Equal(agent.Id, (await agent.Client.MeAsync()).AgentId);
        Assert.Contains(await ws.Owner.ListAgentsAsync(), a => a.Id == agent.Id);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Nobody_deactivates_themselves_and_only_owners_deactivate_owners(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var admin = await app.InviteAgentAsync(ws, AgentRole.Admin);
        var coOwner = await app.InviteAgentAsync(ws, AgentRole.Owner);

        Assert.Equal(HttpStatusCode.Conflict, (await ws.Owner.DeactivateAsync(ws.OwnerAgentId)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Client.DeactivateAsync(admin.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.DeactivateAsync(coOwner.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ws.Owner.DeactivateAsync(coOwner.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client.ReactivateAsync(coOwner.Id)).StatusCode);

        Assert.Equal([ws.OwnerAgentId], (await ws.Owner.ListAgentsAsync("?role=owner")).Select(a => a.Id));
        Assert.True((await ws.Owner.GetAgentAsync(admin.Id)).IsActive);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_owners_removing_each_other_at_once_leave_one_owner(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var other = await app.InviteAgentAsync(ws, AgentRole.Owner);
        var observer = await app.InviteAgentAsync(ws, AgentRole.Admin);

        var results = await Task.WhenAll(
            ws.Owner.DeactivateAsync(other.Id),
            other.Client.DeactivateAsync(ws.OwnerAgentId),
            ws.Owner.PatchAgentAsync(other.Id, new { role = "admin" }),
            other.Client.PatchAgentAsync(ws.OwnerAgentId, new { role = "admin" }));

        Assert.Contains(results, r => r.IsSuccessStatusCode);
        var owners = await observer.Client.ListAgentsAsync("?role=owner");
        Assert.True(owners.Count >= 1, $"No active owner left after: {string.Join(", ", results.Select(r => (int)r.StatusCode))}");
    }
}
