using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Contacts;

public sealed class DirectoryAccessTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_contractor_cannot_browse_the_customer_directory(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var contact = await ws.Owner.CreateContactAsync("Ana", "ana@example.com");
        var acme = await ws.Owner.CreateOrganizationAsync("Acme");
        var contractor = await app.AddMemberAsync(ws, AgentRole.Contractor);

        string[] reads = ["/api/v1/contacts", $"/api/v1/contacts/{contact.Id}", $"/api/v1/contacts/{contact.Id}/tickets",
            "/api/v1/organizations", $"/api/v1/organizations/{acme.Id}", $"/api/v1/organizations/{acme.Id}/contacts"];
        foreach (var url in reads)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.PostJsonAsync("/api/v1/contacts", new { name = "Eve", emails = new[] { "eve@example.com" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.PostJsonAsync("/api/v1/organizations", new { name = "Evil Corp" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contractor.GetAsync("/api/v1/tickets")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_workspaces_contacts_and_organizations_are_404(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ours = await app.CreateWorkspaceAsync();
        var theirs = await app.CreateWorkspaceAsync();
        var contact = await theirs.Owner.CreateContactAsync("Ana", "ana@example.com");
        var acme = await theirs.Owner.CreateOrganizationAsync("Acme");

        string[] reads = [$"/api/v1/contacts/{contact.Id}", $"/api/v1/contacts/{contact.Id}/tickets", $"/api/v1/organizations/{acme.Id}", $"/api/v1/organizations/{acme.Id}/contacts"];
        foreach (var url in reads)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ours.Owner.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Owner.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Owner.PostJsonAsync($"/api/v1/contacts/{contact.Id}/emails", new { address = "x@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Owner.DeleteAsync($"/api/v1/contacts/{contact.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Owner.PatchJsonAsync($"/api/v1/organizations/{acme.Id}", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ours.Owner.DeleteAsync($"/api/v1/organizations/{acme.Id}")).StatusCode);
        await (await ours.Owner.PostJsonAsync("/api/v1/contacts", new { name = "Bo", emails = new[] { "bo@example.com" }, organizationId = acme.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "organizationId");
        Assert.Empty((await ours.Owner.ListContactsAsync()).Items);
        Assert.Equal("Ana", (await theirs.Owner.GetContactAsync(contact.Id)).Name);
    }
}
