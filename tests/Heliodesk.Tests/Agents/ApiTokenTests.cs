using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Agents;

public sealed class ApiTokenTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_new_token_acts_as_its_agent_and_its_secret_is_never_shown_again(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws, AgentRole.Contractor);

        var created = await ws.Owner.CreateApiTokenAsync(agent.Id, "Zapier");
        using var client = app.ClientWithToken(created.Token);
        var me = await client.MeAsync();
        var listing = await (await ws.Owner.GetAsync("/api/v1/api-tokens")).Content.ReadAsStringAsync();
        var page = await (await ws.Owner.GetAsync("/api/v1/api-tokens")).ReadAsync<ApiTokenPage>(HttpStatusCode.OK);

        Assert.StartsWith("hd_", created.Token, StringComparison.Ordinal);
        Assert.Equal((agent.Id, AgentRole.Contractor), (me.AgentId, me.Role));
        Assert.DoesNotContain(created.Token, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(ws.OwnerToken, listing, StringComparison.Ordinal);
        var listed = Assert.Single(page.Items, t => t.Id == created.ApiToken.Id);
        Assert.Equal(("Zapier", agent.Id, created.ApiToken.Hint), (listed.Name, listed.AgentId, listed.Hint));
        Assert.NotNull(listed.LastUsedAt);
        Assert.Equal(3, page.Items.Count); // the owner's own, the helper's for the contractor, and this one
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_revoked_token_gets_401_at_once(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var created = await ws.Owner.CreateApiTokenAsync();
        using var client = app.ClientWithToken(created.Token);
        Assert.Equal(ws.OwnerAgentId, (await client.MeAsync()).AgentId);

        var revoked = await ws.Owner.DeleteAsync($"/api/v1/api-tokens/{created.ApiToken.Id}");
        var again = await ws.Owner.DeleteAsync($"/api/v1/api-tokens/{created.ApiToken.Id}");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (revoked.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        var listed = (await (await ws.Owner.GetAsync("/api/v1/api-tokens")).ReadAsync<ApiTokenPage>(HttpStatusCode.OK)).Items;
        Assert.NotNull(Assert.Single(listed, t => t.Id == created.ApiToken.Id).RevokedAt);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_must_act_as_an_active_agent_and_only_owners_mint_owner_tokens(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, elsewhere) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var admin = await app.InviteAgentAsync(ws, AgentRole.Admin);
        var gone = await app.InviteAgentAsync(ws, AgentRole.Agent);
        (await ws.Owner.DeactivateAsync(gone.Id)).EnsureSuccessStatusCode();

        async Task<HttpResponseMessage> Mint(HttpClient client, object body) => await client.PostAsJsonAsync("/api/v1/api-tokens", body, TestApi.Json);

        await (await Mint(admin.Client, new { name = "as the owner", agentId = ws.OwnerAgentId })).AssertFieldErrorAsync("agentId");
        await (await Mint(ws.Owner, new { name = "as a deactivated agent", agentId = gone.Id })).AssertFieldErrorAsync("agentId");
        await (await Mint(ws.Owner, new { name = "as a stranger", agentId = elsewhere.OwnerAgentId })).AssertFieldErrorAsync("agentId");
        await (await Mint(ws.Owner, new { name = "" })).AssertFieldErrorAsync("name");
        Assert.Equal(HttpStatusCode.Created, (await Mint(admin.Client, new { name = "for myself" })).StatusCode);
    }
}
