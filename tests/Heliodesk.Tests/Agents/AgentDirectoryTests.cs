using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Agents;

public sealed class AgentDirectoryTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_directory_filters_by_role_language_skill_region_team_and_activity(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var ana = await app.InviteAgentAsync(ws, AgentRole.Agent, extra: new { name = "Ana", languages = new[] { "es-MX", "en" }, skills = new[] { "billing" }, region = "AMER" });
        var wei = await app.InviteAgentAsync(ws, AgentRole.Contractor, extra: new { name = "Wei", languages = new[] { "zh-Hans" }, skills = new[] { "api-errors" }, region = "APAC" });
        var old = await app.InviteAgentAsync(ws, AgentRole.Agent, extra: new { name = "Olaf", languages = new[] { "es" }, region = "EMEA" });
        (await ws.Owner.DeactivateAsync(old.Id)).EnsureSuccessStatusCode();
        var team = await ws.Owner.CreateTeamAsync();
        (await ws.Owner.SetTeamMembersAsync(team.Id, wei.Id)).EnsureSuccessStatusCode();

        async Task<IEnumerable<string>> Names(string query) => (await ana.Client.ListAgentsAsync(query)).Select(a => a.Name);

        Assert.Equal(["Ana", "Owner", "Wei"], await Names(""));
        Assert.Equal(["Olaf"], await Names("?active=false"));
        Assert.Equal(["Ana", "Olaf", "Owner", "Wei"], await Names("?active=all"));
        Assert.Equal(["Ana", "Wei"], await Names("?role=agent,contractor"));
        Assert.Equal(["Ana"], await Names("?language=es"));
        Assert.Equal(["Ana", "Olaf"], await Names("?language=ES-ar&active=all"));
        Assert.Equal(["Wei"], await Names("?language=zh-Hant"));
        Assert.Equal(["Ana"], await Names("?skill=Billing"));
        Assert.Equal(["Wei"], await Names("?region=apac"));
        Assert.Equal(["Wei"], await Names($"?teamId={team.Id}"));
        Assert.Equal([team.Id], (await ana.Client.GetAgentAsync(wei.Id)).TeamIds);
        await (await ana.Client.GetAsync("/api/v1/agents?role=boss")).AssertFieldErrorAsync("role");
        await (await ana.Client.GetAsync("/api/v1/agents?active=maybe")).AssertFieldErrorAsync("active");
        await (await ana.Client.GetAsync("/api/v1/agents?language=x")).AssertFieldErrorAsync("language");
        await (await ana.Client.GetAsync("/api/v1/agents?teamId=billing")).AssertFieldErrorAsync("teamId");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_directory_pages_by_name_with_a_cursor(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        foreach (var name in new[] { "Bea | night shift", "Carl", "Bea | day shift", "Dora" })
        {
            (await ws.Owner.InviteAsync(new { email = AgentTestApi.NewEmail(), name })).EnsureSuccessStatusCode();
        }

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await ws.Owner.GetAsync($"/api/v1/agents?limit=2&cursor={cursor}")).ReadAsync<AgentPage>(HttpStatusCode.OK);
            Assert.True(page.Items.Count <= 2);
            names.AddRange(page.Items.Select(a => a.Name));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(["Bea | day shift", "Bea | night shift", "Carl", "Dora", "Owner"], names);
        await (await ws.Owner.GetAsync("/api/v1/agents?cursor=garbage")).AssertFieldErrorAsync("cursor");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hourly_cost_is_shown_to_admins_and_to_the_agent_only(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var paid = await app.InviteAgentAsync(ws, AgentRole.Contractor, extra: new { hourlyCost = 22.5m, currency = "USD" });
        var colleague = await app.InviteAgentAsync(ws, AgentRole.Lead);

        Assert.Equal((22.5m, "USD"), Cost(await ws.Owner.GetAgentAsync(paid.Id)));
        Assert.Equal((22.5m, "USD"), Cost(await paid.Client.GetAgentAsync(paid.Id)));
        Assert.Equal((null, null), Cost(await colleague.Client.GetAgentAsync(paid.Id)));
        Assert.All(await colleague.Client.ListAgentsAsync(), a => Assert.Null(a.HourlyCost));

        static (decimal?, string?) Cost(AgentResponse agent) => (agent.HourlyCost, agent.Currency);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_patch_changes_only_the_fields_present_and_null_clears(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, extra: new { languages = new[] { "lt" }, region = "EMEA", hourlyCost = 30m, currency = "EUR" });

        var changed = await (await ws.Owner.PatchAgentAsync(agent.Id, new { tier = 3, skills = new[] { "Refunds" }, region = (string?)null }))
            .ReadAsync<AgentResponse>(HttpStatusCode.OK);
        await (await ws.Owner.PatchAgentAsync(agent.Id, new { currency = (string?)null })).AssertFieldErrorAsync("currency");
        await (await ws.Owner.PatchAgentAsync(agent.Id, new { timeZone = "Europe/Atlantis" })).AssertFieldErrorAsync("timeZone");
        await (await ws.Owner.PatchAgentAsync(agent.Id, new { email = AgentTestApi.NewEmail() })).AssertFieldErrorAsync("email");
        await (await ws.Owner.PatchAgentAsync(agent.Id, new { tier = 0 })).AssertFieldErrorAsync("tier");

        Assert.Equal((3, "refunds", null, "lt", 30m, "EUR"),
            (changed.Tier, changed.Skills.Single(), changed.Region, changed.Languages.Single(), changed.HourlyCost, changed.Currency));
        Assert.Equal(JsonSerializer.Serialize(changed), JsonSerializer.Serialize(await ws.Owner.GetAgentAsync(agent.Id)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agents_set_their_own_availability(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var contractor = await app.InviteAgentAsync(ws, AgentRole.Contractor);

        var online = await (await contractor.Client.PutAsJsonAsync("/api/v1/me/status", new { status = "online" }, TestApi.Json))
            .ReadAsync<AgentResponse>(HttpStatusCode.OK);
        var bad = await contractor.Client.PutAsJsonAsync("/api/v1/me/status", new { status = "sleeping" }, TestApi.Json);
        var missing = await contractor.Client.PutAsJsonAsync("/api/v1/me/status", new { }, TestApi.Json);

        Assert.Equal(AgentStatus.Online, online.Status);
        Assert.Equal(AgentStatus.Online, (await ws.Owner.GetAgentAsync(contractor.Id)).Status);
        await bad.AssertFieldErrorAsync("status");
        await missing.AssertFieldErrorAsync("status");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ids_from_another_workspace_are_404(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (mine, theirs) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var stranger = await app.InviteAgentAsync(theirs);
        var team = await theirs.Owner.CreateTeamAsync();
        var token = await theirs.Owner.CreateApiTokenAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.GetAsync($"/api/v1/agents/{stranger.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.PatchAgentAsync(stranger.Id, new { tier = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.DeactivateAsync(stranger.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.GetAsync($"/api/v1/teams/{team.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.SetTeamMembersAsync(team.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.DeleteAsync($"/api/v1/teams/{team.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Owner.DeleteAsync($"/api/v1/api-tokens/{token.ApiToken.Id}")).StatusCode);
        Assert.DoesNotContain(await mine.Owner.ListAgentsAsync("?active=all"), a => a.Id == stranger.Id);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Client.GetAsync($"/api/v1/teams/{team.Id}")).StatusCode);
        Assert.True((await theirs.Owner.GetAgentAsync(stranger.Id)).IsActive);
    }
}
