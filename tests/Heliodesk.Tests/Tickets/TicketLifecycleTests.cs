using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Tickets;

public sealed class TicketLifecycleTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_new_ticket_gets_the_next_number_and_its_requester_becomes_a_contact(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();

        var first = await ws.Owner.CreateTicketAsync(requesterEmail: "Ana@Example.COM");
        var second = await ws.Owner.CreateTicketAsync(requesterEmail: "ana@example.com");

        Assert.Equal([1L, 2L], [first.Number, second.Number]);
        Assert.Equal(TicketStatus.New, first.Status);
        Assert.Equal(first.Requester.Id, second.Requester.Id);
        Assert.Equal("ana@example.com", first.Requester.Email);
        Assert.Equal(1, first.Version);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agent_reply_opens_the_ticket_stamps_first_reply_and_counts_a_touch(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();

        var posted = await ws.Owner.ReplyAsync(ticket.Id, "Could you send a screenshot?", new { status = "pending" });

        Assert.Equal(TicketStatus.Pending, posted.Ticket.Status);
        Assert.NotNull(posted.Ticket.FirstReplyAt);
        Assert.Equal(1, posted.Ticket.TouchCount);
        Assert.True(posted.Ticket.Version > ticket.Version);
        Assert.Equal("<p>Could you send a screenshot?</p>", posted.Message.Html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_customer_message_on_a_solved_ticket_reopens_it(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        await ws.Owner.ReplyAsync(ticket.Id, "Fixed, please try again.", new { status = "solved" });

        var reopened = await ws.Owner.CustomerWritesAsync(ticket.Id, "Still broken, sorry!");

        Assert.Equal(ticket.Id, reopened.Ticket.Id);
        Assert.Equal(TicketStatus.Open, reopened.Ticket.Status);
        Assert.Equal(1, reopened.Ticket.ReopenCount);
        Assert.Null(reopened.Ticket.SolvedAt);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_customer_message_on_a_closed_ticket_opens_a_linked_follow_up(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync(extra: new { tags = new[] { "billing" } });
        await ws.Owner.ReplyAsync(ticket.Id, "Done.", new { status = "solved" });
        (await ws.Owner.PatchTicketAsync(ticket.Id, new { status = "closed" })).EnsureSuccessStatusCode();

        var posted = await ws.Owner.CustomerWritesAsync(ticket.Id, "One more question about the same invoice.");

        Assert.NotEqual(ticket.Id, posted.Ticket.Id);
        Assert.Equal(ticket.Id, posted.Ticket.FollowUpOfId);
        Assert.Equal(TicketStatus.New, posted.Ticket.Status);
        Assert.Equal(ticket.Requester.Id, posted.Ticket.Requester.Id);
        Assert.Equal(TicketStatus.Closed, (await ws.Owner.GetTicketAsync(ticket.Id)).Status);
        var trail = await ws.Owner.EventsAsync(ticket.Id);
        Assert.Equal(posted.Ticket.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), trail.Single(e => e.Type == TicketEventType.FollowUpCreated).To);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_closed_ticket_refuses_changes_with_a_field_error(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync(extra: new { status = "closed" });

        var response = await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "urgent" });

        await response.AssertFieldErrorAsync("priority");
        Assert.Equal(TicketPriority.Normal, (await ws.Owner.GetTicketAsync(ticket.Id)).Priority);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_change_is_one_event_with_who_when_from_and_to(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();

        (await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "high", status = "open", tags = new[] { "vip" } })).EnsureSuccessStatusCode();
        await ws.Owner.NoteAsync(ticket.Id, "Customer is on the Enterprise plan.");

        var events = await ws.Owner.EventsAsync(ticket.Id);
        Assert.Equal(
            [TicketEventType.Created, TicketEventType.ReplyAdded, TicketEventType.PriorityChanged, TicketEventType.TagAdded, TicketEventType.StatusChanged, TicketEventType.NoteAdded],
            events.Select(e => e.Type));
        var priority = events.Single(e => e.Type == TicketEventType.PriorityChanged);
        Assert.Equal(("priority", "normal", "high", ws.OwnerAgentId), (priority.Field, priority.From, priority.To, priority.ActorId!.Value));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.At <= p.Second.At));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_stale_write_gets_409_with_the_current_version_and_changes_nothing(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        (await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "high" }, ifMatch: ticket.Version)).EnsureSuccessStatusCode();

        var stale = await ws.Owner.PatchTicketAsync(ticket.Id, new { priority = "low" }, ifMatch: ticket.Version);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("\"currentVersion\":2", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TicketPriority.High, (await ws.Owner.GetTicketAsync(ticket.Id)).Priority);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_agents_racing_on_one_version_one_wins_and_the_other_gets_409(DatabaseProvider provider)
    {
        var ws = await (await databases.SharedAsync(provider)).CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            ws.Owner.PatchTicketAsync(ticket.Id, new { subject = $"Edit {i}" }, ifMatch: ticket.Version)));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(2, (await ws.Owner.GetTicketAsync(ticket.Id)).Version);
    }
}
