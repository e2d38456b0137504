using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Agents;

public sealed class AgentInvitationTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_invited_agent_signs_in_with_the_temporary_password_and_finds_themselves_in_me(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var email = AgentTestApi.NewEmail("mika");

        var invited = await (await ws.Owner.InviteAsync(new { email = email.ToUpperInvariant(), name = " Mika Santos ", role = "lead", tier = 2 }))
            .ReadAsync<InvitedAgent>(HttpStatusCode.Created);
        using var browser = await app.SignInAsync(email, invited.TemporaryPassword!);
        var me = await browser.MeAsync();

        Assert.Equal(16, invited.TemporaryPassword!.Length);
        Assert.Equal((email, "Mika Santos", AgentRole.Lead, 2, true), (invited.Agent.Email, invited.Agent.Name, invited.Agent.Role, invited.Agent.Tier, invited.Agent.IsActive));
        Assert.Equal((invited.Agent.Id, ws.Id, AgentRole.Lead), (me.AgentId, me.WorkspaceId, me.Role));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_freelancer_invited_to_a_second_workspace_keeps_one_login_and_sees_both_memberships(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (first, second) = (await app.CreateWorkspaceAsync(), await app.CreateWorkspaceAsync());
        var email = AgentTestApi.NewEmail("freelancer");

        var hired = await (await first.Owner.InviteAsync(new { email, name = "Lina", role = "contractor" })).ReadAsync<InvitedAgent>(HttpStatusCode.Created);
        var rehired = await (await second.Owner.InviteAsync(new { email, name = "Lina K.", role = "contractor" })).ReadAsync<InvitedAgent>(HttpStatusCode.Created);
        using var browser = await app.SignInAsync(email, hired.TemporaryPassword!);
        using var inSecond = await app.SignInAsync(email, hired.TemporaryPassword!, second.Id);

        Assert.Null(rehired.TemporaryPassword);
        Assert.Equal(hired.Agent.UserId, rehired.Agent.UserId);
        Assert.Equal(
            new[] { (first.Id, hired.Agent.Id), (second.Id, rehired.Agent.Id) }.OrderBy(m => m.Item1),
            (await browser.MeAsync()).Memberships.Select(m => (m.WorkspaceId, m.AgentId)).OrderBy(m => m.Item1));
        Assert.Equal((second.Id, "Lina K."), ((await inSecond.MeAsync()).WorkspaceId, (await inSecond.MeAsync()).Name));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Inviting_someone_who_is_already_an_agent_here_is_a_409_even_when_deactivated(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.InviteAgentAsync(ws);
        (await ws.Owner.DeactivateAsync(agent.Id)).EnsureSuccessStatusCode();

        var again = await ws.Owner.InviteAsync(new { email = agent.Agent.Email, name = "Again" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invalid_invitations_get_errors_keyed_by_the_field(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var valid = new { email = AgentTestApi.NewEmail(), name = "Valid Name" };

        await (await ws.Owner.InviteAsync(valid, new { email = "not-an-email" })).AssertFieldErrorAsync("email");
        await (await ws.Owner.InviteAsync(valid, new { name = "   " })).AssertFieldErrorAsync("name");
        await (await ws.Owner.InviteAsync(valid, new { timeZone = "Mars/Olympus_Mons" })).AssertFieldErrorAsync("timeZone");
        await (await ws.Owner.InviteAsync(valid, new { tier = 4 })).AssertFieldErrorAsync("tier");
        await (await ws.Owner.InviteAsync(valid, new { languages = new[] { "en", "english!" } })).AssertFieldErrorAsync("languages");
        await (await ws.Owner.InviteAsync(valid, new { skills = new[] { "billing", "api errors" } })).AssertFieldErrorAsync("skills");
        await (await ws.Owner.InviteAsync(valid, new { hourlyCost = 25m, currency = "US$" })).AssertFieldErrorAsync("currency");
        await (await ws.Owner.InviteAsync(valid, new { hourlyCost = 25m })).AssertFieldErrorAsync("currency");
        await (await ws.Owner.InviteAsync(valid, new { hourlyCost = -1m, currency = "EUR" })).AssertFieldErrorAsync("hourlyCost");
        await (await ws.Owner.InviteAsync(valid, new { hourlyCost = 12.345m, currency = "EUR" })).AssertFieldErrorAsync("hourlyCost");
        await (await ws.Owner.InviteAsync(valid, new { role = "superuser" })).AssertFieldErrorAsync("role");
        Assert.DoesNotContain(await ws.Owner.ListAgentsAsync(), a => a.Email == valid.email);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Languages_skills_and_currency_are_stored_in_canonical_form(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var invited = await (await ws.Owner.InviteAsync(new
        {
            email = AgentTestApi.NewEmail(),
            name = "Wei",
            languages = new[] { "ZH-hans", "es_419", "en", "EN" },
            skills = new[] { " Billing ", "api-errors", "billing" },
            region = " APAC ",
            timeZone = "Asia/Manila",
            hourlyCost = 18.5m,
            currency = "php",
        })).ReadAsync<InvitedAgent>(HttpStatusCode.Created);

        var agent = await ws.Owner.GetAgentAsync(invited.Agent.Id);
        Assert.Equal(["zh-Hans", "es-419", "en"], agent.Languages);
        Assert.Equal(["billing", "api-errors"], agent.Skills);
        Assert.Equal(("APAC", "Asia/Manila", 18.5m, "PHP"), (agent.Region, agent.TimeZone, agent.HourlyCost, agent.Currency));
        Assert.Equal(AgentStatus.Offline, agent.Status);
    }
}
