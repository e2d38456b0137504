using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Contacts;

public sealed class ContactTicketTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_requester_from_intake_is_found_by_email_with_their_tickets_newest_first(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var first = await ws.Owner.CreateTicketAsync("Invoice missing", requesterEmail: "Mila@Example.com");
        await ws.Owner.CreateTicketAsync("Someone else's problem", requesterEmail: "other@example.com");
        var second = await ws.Owner.CreateTicketAsync("Invoice still missing", requesterEmail: "mila@example.com");

        var mila = Assert.Single((await ws.Owner.ListContactsAsync("?email=mila@example.com")).Items);
        Assert.Equal(first.Requester.Id, mila.Id);

        var page1 = await (await ws.Owner.GetAsync($"/api/v1/contacts/{mila.Id}/tickets?limit=1")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        var page2 = await (await ws.Owner.GetAsync($"/api/v1/contacts/{mila.Id}/tickets?limit=1&cursor={page1.NextCursor}")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        Assert.Equal([second.Id, first.Id], page1.Items.Concat(page2.Items).Select(t => t.Id));
        Assert.Null(page2.NextCursor);
        Assert.All(page1.Items.Concat(page2.Items), t => Assert.Equal(("mila@example.com", mila.Id), (t.Requester.Email, t.Requester.Id)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_organization_adopts_new_requesters_from_its_domains(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var acme = await ws.Owner.CreateOrganizationAsync("Acme", new { domains = new[] { "ACME.test", "acme-corp.test" } });
        Assert.Equal(["acme.test", "acme-corp.test"], acme.Domains);

        var ticket = await ws.Owner.CreateTicketAsync(requesterEmail: "x@acme.test");
        var viaApi = await ws.Owner.CreateContactAsync("Yara", "yara@acme-corp.test");
        var optedOut = await (await ws.Owner.PostJsonAsync("/api/v1/contacts", new { name = "Zed", emails = new[] { "zed@acme.test" }, organizationId = (Guid?)null }))
            .ReadAsync<ContactResponse>(HttpStatusCode.Created);

        Assert.Equal(acme.Id, (await ws.Owner.GetContactAsync(ticket.Requester.Id)).OrganizationId);
        Assert.Equal(acme.Id, ticket.OrganizationId);
        Assert.Equal(acme.Id, viaApi.OrganizationId);
        Assert.Null(optedOut.OrganizationId);
        var members = await (await ws.Owner.GetAsync($"/api/v1/organizations/{acme.Id}/contacts")).ReadAsync<ContactPage>(HttpStatusCode.OK);
        Assert.Equal(["x@acme.test", "yara@acme-corp.test"], members.Items.Select(c => c.Email).Order());
        var counted = await ws.Owner.GetOrganizationAsync(acme.Id);
        Assert.Equal((2, 1), (counted.ContactCount, counted.OpenTicketCount));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_an_admin_deletes_and_only_a_contact_without_tickets(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var requester = (await ws.Owner.CreateTicketAsync(requesterEmail: "busy@example.com")).Requester;
        var idle = await ws.Owner.CreateContactAsync("Idle", "idle@example.com");
        var agent = await app.AddMemberAsync(ws, Features.Agents.AgentRole.Agent);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/contacts/{idle.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/v1/contacts/{idle.Id}")).StatusCode);
        var refused = await (await ws.Owner.DeleteAsync($"/api/v1/contacts/{requester.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("1 ticket", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await ws.Owner.DeleteAsync($"/api/v1/contacts/{idle.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.GetAsync($"/api/v1/contacts/{idle.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ws.Owner.GetAsync($"/api/v1/contacts/{requester.Id}")).StatusCode);
        await ws.Owner.CreateContactAsync("Idle reborn", "idle@example.com");
    }
}
