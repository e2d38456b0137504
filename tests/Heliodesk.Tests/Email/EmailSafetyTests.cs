using System.Net;
using System.Net.Http.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Heliodesk.Tests.Email;

/// <summary>What must never happen with mail: loops, duplicates after a crash, lost failures.</summary>
public sealed class EmailSafetyTests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_auto_reply_gets_no_answer_and_does_not_reopen_the_ticket(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, support, customer, mailbox) = await app.SupportDeskAsync(mail);
        var robot = await mail.NewAddressAsync(MailServer.CustomerDomain);
        await ws.ReceiveMailAsync(mail, mailbox.Id, EmailTestApi.CustomerMail(customer, support, "Broken login", "I cannot sign in."));
        var ticket = Assert.Single(await ws.TicketsOfAsync(customer));
        await ws.Owner.ReplyAsync(ticket.Id, "Please reset your password.", new { status = "pending" });
        await app.DeliverOutboxAsync();
        var answer = (await mail.InboxAsync(customer, 2)).Single(m => m.Headers[HeaderId.AutoSubmitted] is null);

        // The customer's out-of-office answers our reply; an unrelated robot writes too.
        var outOfOffice = EmailTestApi.CustomerMail(customer, support, "Automatic reply: " + answer.Subject, "I am away until Monday.");
        outOfOffice.InReplyTo = answer.MessageId;
        outOfOffice.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var newsletter = EmailTestApi.CustomerMail(robot, support, "Our November news", "Big sale!");
        newsletter.Headers.Add("Precedence", "bulk");
        var vacation = EmailTestApi.CustomerMail(robot, support, "Away", "Back soon.");
        vacation.Headers.Add("X-Autoreply", "yes");
        foreach (var message in new[] { outOfOffice, newsletter, vacation })
        {
            await mail.SendAsync(message);
        }
        await mail.InboxAsync(support, 4);
        await ws.FetchMailAsync(mailbox.Id);
        await app.DeliverOutboxAsync();

        var after = await ws.Owner.GetTicketAsync(ticket.Id);
        Assert.Equal(TicketStatus.Pending, after.Status);
        var note = (await ws.MessagesAsync(ticket.Id)).Last();
        Assert.Equal((MessageKind.Note, "I am away until Monday."), (note.Kind, note.Text));
        var robotTickets = await ws.TicketsOfAsync(robot);
        Assert.Equal(2, robotTickets.Count);
        Assert.Contains(robotTickets, t => t.Tags.Contains("bulk-mail"));
        Assert.Contains(robotTickets, t => t.Tags.Contains("auto-reply"));
        // Nothing went back: no mail was queued to the robot, and the customer got nothing after the answer.
        foreach (var robotTicket in robotTickets)
        {
            Assert.Empty((await ws.TicketEmailsAsync(robotTicket.Id)).Outbound);
        }
        Assert.Equal(2, (await ws.TicketEmailsAsync(ticket.Id)).Outbound.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_restart_after_a_mail_was_filed_but_before_it_was_marked_seen_creates_nothing_twice(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var (ws, support, customer, mailbox) = await app.SupportDeskAsync(mail);
        await mail.SendAsync(EmailTestApi.CustomerMail(customer, support, "Printer on fire", "Really."));
        var (uid, raw) = Assert.Single(await mail.RawInboxAsync(support));

        // The first run files the mail and dies before telling the server it was seen.
        var stored = await LoadMailboxAsync(app, ws.Id, mailbox.Id);
        var first = await app.Services.GetRequiredService<InboundMailProcessor>().ProcessAsync(stored, 1, uid, raw, CancellationToken.None);
        Assert.Equal(InboundOutcome.Created, first.Outcome);
        Assert.Single(await mail.InboxAsync(support, unseenOnly: true));

        // A fresh process on the same database fetches the still-unseen mail again.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        using var owner = restarted.CreateClient();
        owner.DefaultRequestHeaders.Authorization = new("Bearer", ws.OwnerToken);
        var again = await (await owner.PostAsync($"/api/v1/mailboxes/{mailbox.Id}/fetch", null)).ReadAsync<MailboxFetchResponse>(HttpStatusCode.OK);
        Assert.Equal(new MailboxFetchResponse(1, 0, 1), again);

        Assert.Equal(first.TicketId, Assert.Single(await ws.TicketsOfAsync(customer)).Id);
        Assert.Empty(await mail.InboxAsync(support, 0, unseenOnly: true));
        Assert.Equal(new MailboxFetchResponse(0, 0, 0), await ws.FetchMailAsync(mailbox.Id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_failed_send_retries_with_backoff_and_shows_on_the_ticket_until_it_goes_out(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        var (ws, support, customer, mailbox) = await app.SupportDeskAsync(mail, smtpPort: ClosedPort());
        await ws.ReceiveMailAsync(mail, mailbox.Id, EmailTestApi.CustomerMail(customer, support, "Slow server", "Hello?"));
        var ticket = Assert.Single(await ws.TicketsOfAsync(customer));

        await app.DeliverOutboxAsync();
        var failing = Assert.Single((await ws.TicketEmailsAsync(ticket.Id)).Outbound);
        Assert.Equal((DeliveryState.Retrying, 1), (failing.State, failing.Attempts));
        Assert.NotNull(failing.LastError);
        Assert.True(failing.NextAttemptAt > app.Clock.GetUtcNow());

        // The admin fixes the SMTP port; the next attempt, after the backoff, delivers it.
        var fixedBody = EmailTestApi.MailboxBody(mail, support);
        (await ws.Owner.PutAsJsonAsync($"/api/v1/mailboxes/{mailbox.Id}", fixedBody, TestApi.Json)).EnsureSuccessStatusCode();
        await app.DeliverOutboxAsync();
        Assert.Equal(DeliveryState.Retrying, Assert.Single((await ws.TicketEmailsAsync(ticket.Id)).Outbound).State);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverOutboxAsync();
        var sent = Assert.Single((await ws.TicketEmailsAsync(ticket.Id)).Outbound);
        Assert.Equal((DeliveryState.Sent, 2, null), (sent.State, sent.Attempts, sent.LastError));
        Assert.Single(await mail.InboxAsync(customer));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_recipient_the_server_refuses_is_a_failed_delivery_on_the_ticket_not_retried(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        await ws.ConnectMailboxAsync(mail, support);
        var nobody = $"nobody-{Guid.NewGuid():N}@{MailServer.CustomerDomain}";
        var ticket = await ws.Owner.CreateTicketAsync("Your order", "It shipped?", nobody, new { channel = "email" });
        await ws.Owner.ReplyAsync(ticket.Id, "Tracking number 123.");
        await app.DeliverOutboxAsync();

        var failed = Assert.Single((await ws.TicketEmailsAsync(ticket.Id)).Outbound);
        // The server's own words in the message: a 4xx instead of the 550 here would be the fixture's, not the sender's.
        Assert.True(failed.State == DeliveryState.Failed, $"Expected a failed delivery, got {failed.State}: {failed.LastError}");
        Assert.Equal((1, null), (failed.Attempts, failed.NextAttemptAt));
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bounce_attaches_to_the_ticket_whose_mail_bounced(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var (ws, support, customer, mailbox) = await app.SupportDeskAsync(mail);
        var ticket = await ws.Owner.CreateTicketAsync("Your order", "It shipped?", customer, new { channel = "email" });
        await ws.Owner.ReplyAsync(ticket.Id, "Tracking number 123.");
        await app.DeliverOutboxAsync();
        var sent = Assert.Single(await mail.InboxAsync(customer));

        // The customer's server accepted the mail, then could not deliver it, and reports so (RFC 3464).
        Assert.Equal(new MailboxFetchResponse(1, 0, 0), await ws.ReceiveMailAsync(mail, mailbox.Id, DeliveryFailure(customer, support, sent)));

        var emails = await ws.TicketEmailsAsync(ticket.Id);
        Assert.Equal(DeliveryState.Bounced, Assert.Single(emails.Outbound).State);
        Assert.Equal(InboundKind.Bounce, Assert.Single(emails.Inbound).Kind);
        var note = (await ws.MessagesAsync(ticket.Id)).Last();
        Assert.Equal((MessageKind.Note, "Mail delivery failure"), (note.Kind, note.AuthorName));
        Assert.Contains("mailbox is full", note.Text, StringComparison.Ordinal);
        Assert.Empty(await ws.TicketsOfAsync("mailer-daemon@" + MailServer.CustomerDomain));
    }

    private static MimeMessage DeliveryFailure(string customer, string support, MimeMessage original)
    {
        var bounce = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailServer.CustomerDomain) };
        bounce.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@" + MailServer.CustomerDomain));
        bounce.To.Add(MailboxAddress.Parse(support));
        bounce.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        var status = new MessageDeliveryStatus();
        status.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mail.customer.test" } });
        status.StatusGroups.Add(new HeaderList { { "Final-Recipient", $"rfc822; {customer}" }, { "Action", "failed" }, { "Status", "5.2.2" } });
        bounce.Body = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = $"I could not deliver your message to <{customer}>: the mailbox is full." },
            status,
            new MessagePart("rfc822") { Message = original },
        };
        return bounce;
    }

    // A port nobody listens on: the listener that found it free is stopped again.
    private static int ClosedPort()
    {
        var listener = System.Net.Sockets.TcpListener.Create(0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<Mailbox> LoadMailboxAsync(HeliodeskApplication app, Guid workspaceId, Guid mailboxId)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
        return await scope.ServiceProvider.GetRequiredService<HeliodeskDb>().Set<Mailbox>().AsNoTracking().SingleAsync(m => m.Id == mailboxId);
    }
}
