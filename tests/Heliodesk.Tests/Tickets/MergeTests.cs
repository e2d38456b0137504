using System.Globalization;
using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Tickets;

public sealed class MergeTests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Merging_moves_the_conversation_in_time_order_and_closes_the_source(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var target = await ws.Owner.CreateTicketAsync("Invoice export broken", "Export fails.");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("screenshot"u8.ToArray()), "file", "export.png" } };
        var file = await (await ws.Owner.PostAsync("/api/v1/attachments", upload)).ReadAsync<AttachmentResponse>(HttpStatusCode.Created);
        var source = await ws.Owner.CreateTicketAsync("Export again", "Here is a screenshot.", extra: new { attachmentIds = new[] { file.Id } });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await ws.Owner.ReplyAsync(target.Id, "Looking into the export.");
        target = await ws.Owner.GetTicketAsync(target.Id);

        var merged = await ws.Owner.MergeAsync(source.Id, target.Id);

        Assert.Equal((TicketStatus.Closed, target.Id), (merged.Source.Status, merged.Source.MergedIntoId));
        var texts = (await ws.MessagesAsync(target.Id)).Select(m => m.Text).ToList();
        Assert.Equal(["Export fails.", "Here is a screenshot.", "Looking into the export."], texts);
        Assert.Empty(await ws.MessagesAsync(source.Id));
        var moved = (await ws.MessagesAsync(target.Id))[1];
        Assert.Equal("export.png", Assert.Single(moved.Attachments).FileName);
        Assert.Equal(HttpStatusCode.OK, (await ws.Owner.GetAsync(moved.Attachments[0].Url)).StatusCode);
        var number = target.Number.ToString(CultureInfo.InvariantCulture);
        Assert.Contains(await ws.Owner.EventsAsync(source.Id), e => e.Type == TicketEventType.MergedInto && e.To == number);
        Assert.Contains(await ws.Owner.EventsAsync(target.Id), e => e.Type == TicketEventType.MergedFrom && e.To == source.Number.ToString(CultureInfo.InvariantCulture));

        // The customer writes on the old ticket (an integration relaying it): it lands on the target, no follow-up.
        var later = await ws.Owner.CustomerWritesAsync(source.Id, "Any news on the export?");
        Assert.Equal(target.Id, later.Ticket.Id);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Merges_across_customers_into_itself_into_closed_or_on_stale_versions_are_refused(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var other = await app.CreateWorkspaceAsync();
        var ticket = await ws.Owner.CreateTicketAsync();
        var second = await ws.Owner.CreateTicketAsync("Second");
        var someoneElse = await ws.Owner.CreateTicketAsync(requesterEmail: "bob@example.com");
        var closed = await ws.Owner.CreateTicketAsync("Old", extra: new { status = "closed" });
        var foreign = await other.Owner.CreateTicketAsync();

        await (await ws.Owner.PostMergeAsync(ticket.Id, someoneElse.Id)).AssertProblemAsync(HttpStatusCode.BadRequest, "intoTicketId");
        await (await ws.Owner.PostMergeAsync(ticket.Id, ticket.Id)).AssertProblemAsync(HttpStatusCode.BadRequest, "intoTicketId");
        await (await ws.Owner.PostMergeAsync(ticket.Id, closed.Id)).AssertProblemAsync(HttpStatusCode.BadRequest, "intoTicketId");
        await (await ws.Owner.PostMergeAsync(ticket.Id, foreign.Id)).AssertProblemAsync(HttpStatusCode.BadRequest, "intoTicketId");
        Assert.Equal(HttpStatusCode.NotFound, (await ws.Owner.PostMergeAsync(foreign.Id, ticket.Id)).StatusCode);
        await ws.Owner.NoteAsync(second.Id, "Changed meanwhile.");
        await (await ws.Owner.PostMergeAsync(ticket.Id, second.Id, ifMatch: ticket.Version + 1)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await ws.Owner.PostMergeAsync(ticket.Id, second.Id, intoVersion: second.Version)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(ticket.Version, (await ws.Owner.GetTicketAsync(ticket.Id)).Version);
        Assert.Equal(foreign.Version, (await other.Owner.GetTicketAsync(foreign.Id)).Version);
        Assert.Single(await other.MessagesAsync(foreign.Id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_mail_reply_to_the_merged_ticket_lands_on_the_target(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, support, customer, mailbox) = await app.SupportDeskAsync(mail);
        await ws.ReceiveMailAsync(mail, mailbox.Id, EmailTestApi.CustomerMail(customer, support, "Login fails", "I cannot log in."));
        var first = Assert.Single(await ws.TicketsOfAsync(customer));
        var second = EmailTestApi.CustomerMail(customer, support, "Still cannot log in", "Tried again, same error.");
        await ws.ReceiveMailAsync(mail, mailbox.Id, second);
        var duplicate = (await ws.TicketsOfAsync(customer)).Single(t => t.Id != first.Id);

        await ws.Owner.MergeAsync(duplicate.Id, first.Id);
        var reply = EmailTestApi.CustomerMail(customer, support, "Re: Still cannot log in", "It works now, thanks.");
        reply.InReplyTo = second.MessageId;
        await ws.ReceiveMailAsync(mail, mailbox.Id, reply);

        Assert.Equal(2, (await ws.TicketsOfAsync(customer)).Count);
        Assert.Equal("It works now, thanks.", (await ws.MessagesAsync(first.Id)).Last().Text);
        Assert.Equal(TicketStatus.Closed, (await ws.Owner.GetTicketAsync(duplicate.Id)).Status);
    }
}
