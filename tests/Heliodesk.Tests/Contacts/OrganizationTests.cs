using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Contacts;

public sealed class OrganizationTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Organizations_are_listed_by_name_filtered_and_paged(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        await ws.Owner.CreateOrganizationAsync("Acme", new { plan = "Enterprise", lifecycle = "established", mrr = 1200m, currency = "usd" });
        await ws.Owner.CreateOrganizationAsync("Globex", new { plan = "Pro", lifecycle = "trial" });
        await ws.Owner.CreateOrganizationAsync("Ąžuolas UAB", new { plan = "enterprise", lifecycle = "established" });
        await ws.Owner.CreateOrganizationAsync("Ацме", new { plan = "Pro" });

        async Task<string[]> Names(string query) =>
            (await (await ws.Owner.GetAsync($"/api/v1/organizations{query}")).ReadAsync<OrganizationPage>(HttpStatusCode.OK)).Items.Select(o => o.Name).ToArray();

        Assert.Equal(["Ąžuolas UAB"], await Names("?q=ĄŽ"));
        Assert.Equal(["Ацме"], await Names("?q=ац"));
        Assert.Equal(["Acme", "Ąžuolas UAB"], await Names("?plan=ENTERPRISE"));
        Assert.Equal(["Globex"], await Names("?lifecycle=trial"));
        var first = await (await ws.Owner.GetAsync("/api/v1/organizations?limit=3")).ReadAsync<OrganizationPage>(HttpStatusCode.OK);
        var rest = await (await ws.Owner.GetAsync($"/api/v1/organizations?limit=3&cursor={first.NextCursor}")).ReadAsync<OrganizationPage>(HttpStatusCode.OK);
        Assert.Equal(["Acme", "Globex", "Ąžuolas UAB", "Ацме"], first.Items.Concat(rest.Items).Select(o => o.Name));
        Assert.Null(rest.NextCursor);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_patch_validates_each_field_and_null_clears_it(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var acme = await ws.Owner.CreateOrganizationAsync("Acme", new { domains = new[] { "acme.test" }, externalId = "org-1", notes = "Pays yearly." });
        await ws.Owner.CreateOrganizationAsync("Initech", new { externalId = "org-2" });
        var url = $"/api/v1/organizations/{acme.Id}";

        await (await ws.Owner.PatchJsonAsync(url, new { domains = new[] { "acme.test", "https://acme.com" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "domains[1]");
        await (await ws.Owner.PatchJsonAsync(url, new { domains = new[] { "me@acme.test" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "domains[0]");
        await (await ws.Owner.PatchJsonAsync(url, new { notes = new string('n', 10_001) })).AssertProblemAsync(HttpStatusCode.BadRequest, "notes");
        await (await ws.Owner.PatchJsonAsync(url, new { mrr = -5 })).AssertProblemAsync(HttpStatusCode.BadRequest, "mrr");
        await (await ws.Owner.PatchJsonAsync(url, new { currency = "€" })).AssertProblemAsync(HttpStatusCode.BadRequest, "currency");
        await (await ws.Owner.PatchJsonAsync(url, new { name = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await ws.Owner.PatchJsonAsync(url, new { externalId = "org-2" })).AssertProblemAsync(HttpStatusCode.Conflict, "externalId");

        var patched = await (await ws.Owner.PatchJsonAsync(url, new { externalId = (string?)null, notes = (string?)null, domains = new[] { "Bücher.test", "acme.test" }, plan = "Pro" }))
            .ReadAsync<OrganizationResponse>(HttpStatusCode.OK);

        Assert.Equal((null, null, "Pro", "Acme"), (patched.ExternalId, patched.Notes, patched.Plan, patched.Name));
        Assert.Equal(["bücher.test", "acme.test"], patched.Domains);
        Assert.True(patched.UpdatedAt > acme.UpdatedAt);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deleting_an_organization_keeps_its_contacts_and_tickets(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var acme = await ws.Owner.CreateOrganizationAsync("Acme", new { domains = new[] { "acme.test" } });
        var ticket = await ws.Owner.CreateTicketAsync(requesterEmail: "x@acme.test");
        var lead = await app.AddMemberAsync(ws, Features.Agents.AgentRole.Lead);

        Assert.Equal(HttpStatusCode.Forbidden, (await lead.DeleteAsync($"/api/v1/organizations/{acme.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Owner.DeleteAsync($"/api/v1/organizations/{acme.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.GetAsync($"/api/v1/organizations/{acme.Id}")).StatusCode);
        Assert.Null((await ws.Owner.GetContactAsync(ticket.Requester.Id)).OrganizationId);
        Assert.Null((await ws.Owner.GetTicketAsync(ticket.Id)).OrganizationId);
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.DeleteAsync($"/api/v1/organizations/{acme.Id}")).StatusCode);
    }
}
