using System.Net;
using System.Net.Http.Json;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Macros;

public sealed class MacroTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Applying_a_macro_replies_with_filled_placeholders_and_runs_its_actions(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var organization = await ws.Owner.CreateOrganizationAsync("Acme Logistics");
        var contact = await ws.Owner.CreateContactAsync("Ana María López", "ana.lopez@example.com");
        (await ws.Owner.PatchJsonAsync($"/api/v1/contacts/{contact.Id}", new { organizationId = organization.Id })).EnsureSuccessStatusCode();
        var team = await ws.Owner.CreateTeamAsync("Billing");
        var ticket = await ws.Owner.CreateTicketAsync(requesterEmail: "ana.lopez@example.com", extra: new { tags = new[] { "triage", "billing" } });
        var macro = await ws.Owner.CreateMacroAsync("Refund issued",
            "Hi {{customer.first_name}}, refund for ticket #{{ticket.number}} ({{organization.name}}) is on its way. {{ agent.first_name }}",
            new { status = "pending", priority = "high", addTags = new[] { "refund" }, removeTags = new[] { "triage" }, teamId = team.Id, assignToMe = true });

        var applied = await ws.Owner.ApplyMacroAsync(ticket.Id, macro.Id, ifMatch: ticket.Version);

        var me = await ws.Owner.MeAsync();
        var firstName = me.Name.Split(' ')[0];
        Assert.Equal($"Hi Ana, refund for ticket #{ticket.Number} (Acme Logistics) is on its way. {firstName}", applied.Message!.Text);
        Assert.Equal(MessageKind.Reply, applied.Message.Kind);
        Assert.Equal((TicketStatus.Pending, TicketPriority.High, team.Id, ws.OwnerAgentId), (applied.Ticket.Status, applied.Ticket.Priority, applied.Ticket.TeamId, applied.Ticket.AssigneeId));
        Assert.Equal(["billing", "refund"], applied.Ticket.Tags);
        var types = (await ws.Owner.EventsAsync(ticket.Id)).Select(e => e.Type).ToList();
        Assert.Contains(TicketEventType.ReplyAdded, types);
        Assert.Contains(TicketEventType.TagRemoved, types);
        Assert.Contains(TicketEventType.PriorityChanged, types);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_ticket_language_picks_the_body_and_missing_names_fall_back(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var macro = await (await ws.Owner.PostMacroAsync(new
        {
            name = "Greeting",
            shared = true,
            bodies = new[]
            {
                new { language = "en", text = "Hello {{customer.first_name}}, about {{organization.name}}." },
                new { language = "es", text = "Hola {{customer.first_name}}." },
            },
        })).ReadAsync<Heliodesk.Features.Macros.MacroResponse>(HttpStatusCode.Created);
        var spanish = await ws.Owner.CreateTicketAsync(requesterEmail: "luis@example.com", extra: new { language = "es-MX" });
        var german = await (await ws.Owner.PostAsJsonAsync("/api/v1/tickets",
            new { subject = "Frage", body = "Hallo", language = "de", requester = new { email = "j.smith2@example.com" } }, TestApi.Json)).ReadAsync<TicketResponse>(HttpStatusCode.Created);

        var hola = await ws.Owner.ApplyMacroAsync(spanish.Id, macro.Id, body: new { kind = "note" });
        var fallback = await ws.Owner.ApplyMacroAsync(german.Id, macro.Id);

        Assert.Equal("Hola Ana.", hola.Message!.Text);
        Assert.Equal(MessageKind.Note, hola.Message.Kind);
        // No German body: the workspace's default language (English); no name given and no organization either.
        Assert.Equal("Hello there, about your team.", fallback.Message!.Text);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Unknown_placeholders_and_bad_actions_are_refused_naming_the_field(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var typo = await ws.Owner.PostMacroAsync(new { name = "Typo", shared = true, bodies = new[] { new { language = "en", text = "Hi {{customer.frist_name}}" } } });
        var tag = await ws.Owner.PostMacroAsync(new { name = "Tag", shared = true, actions = new { addTags = new[] { "!!" } } });
        var empty = await ws.Owner.PostMacroAsync(new { name = "Nothing", shared = true });

        var problem = await typo.AssertProblemAsync(HttpStatusCode.BadRequest, "bodies[0].text");
        Assert.Contains("customer.frist_name", problem.GetRawText(), StringComparison.Ordinal);
        await tag.AssertProblemAsync(HttpStatusCode.BadRequest, "actions.addTags");
        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "bodies");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agents_keep_personal_macros_and_only_admins_keep_shared_ones(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var agent = await app.AddMemberAsync(ws, AgentRole.Agent);
        var colleague = await app.AddMemberAsync(ws, AgentRole.Agent);
        var shared = await ws.Owner.CreateMacroAsync("Shared thanks", "Thanks!");

        var refused = await agent.PostMacroAsync(new { name = "Mine as shared", shared = true, bodies = new[] { new { language = "en", text = "x" } } });
        var personal = await agent.CreateMacroAsync("My sign-off", "Cheers, {{agent.first_name}}", shared: false);
        var editShared = await agent.PutAsJsonAsync($"/api/v1/macros/{shared.Id}", new { name = "Hijacked", shared = true, bodies = new[] { new { language = "en", text = "x" } } }, TestApi.Json);

        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        await editShared.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["Shared thanks", "My sign-off"], (await agent.ListMacrosAsync()).Select(m => m.Name));
        Assert.Equal(["Shared thanks"], (await colleague.ListMacrosAsync()).Select(m => m.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/macros/{personal.Id}")).StatusCode);
        var ticket = await ws.Owner.CreateTicketAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.PostApplyMacroAsync(ticket.Id, personal.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync($"/api/v1/macros/{personal.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Applying_on_a_stale_version_is_a_409_and_changes_nothing(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        var macro = await ws.Owner.CreateMacroAsync("Escalate", null, new { priority = "urgent", status = "onHold" });
        await ws.Owner.NoteAsync(ticket.Id, "Someone else was here first.");

        var stale = await ws.Owner.PostApplyMacroAsync(ticket.Id, macro.Id, ifMatch: ticket.Version);
        var current = await ws.Owner.GetTicketAsync(ticket.Id);
        var applied = await ws.Owner.ApplyMacroAsync(ticket.Id, macro.Id, ifMatch: current.Version);

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(current.Version, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(TicketPriority.Normal, current.Priority);
        // An action-only macro sends no message and still applies every action.
        Assert.Null(applied.Message);
        Assert.Equal((TicketPriority.Urgent, TicketStatus.OnHold), (applied.Ticket.Priority, applied.Ticket.Status));
    }
}
