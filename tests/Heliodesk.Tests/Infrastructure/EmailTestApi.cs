using System.Net;
using System.Net.Http.Json;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Outbox;
using Heliodesk.Features.Tickets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Heliodesk.Tests.Infrastructure;

/// <summary>A workspace with a support mailbox of the mail fixture, and a customer address that writes to it.</summary>
public sealed record EmailDesk(TestWorkspace Ws, string Support, string Customer, MailboxResponse Mailbox);

/// <summary>Intent helpers for email: connect a mailbox of the fixture, write as a customer, fetch, send.</summary>
public static class EmailTestApi
{
    public static async Task<EmailDesk> SupportDeskAsync(this HeliodeskApplication app, MailServer mail, bool smtp = true, int? smtpPort = null)
    {
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var customer = await mail.NewAddressAsync(MailServer.CustomerDomain);
        return new EmailDesk(ws, support, customer, await ws.ConnectMailboxAsync(mail, support, smtp, smtpPort));
    }

    /// <summary>Sends a mail into the mailbox and fetches until it is filed (Postfix delivers in milliseconds).</summary>
    public static async Task<MailboxFetchResponse> ReceiveMailAsync(this TestWorkspace ws, MailServer mail, Guid mailboxId, MimeMessage message)
    {
        await mail.SendAsync(message);
        var deadline = Patience.Deadline;
        while (true)
        {
            var fetched = await ws.FetchMailAsync(mailboxId);
            if (fetched.Fetched > 0 || DateTime.UtcNow > deadline)
            {
                return fetched;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Connects a support address of the mail fixture (IMAP and, unless told not to, SMTP) to the workspace.</summary>
    public static async Task<MailboxResponse> ConnectMailboxAsync(this TestWorkspace ws, MailServer mail, string address, bool smtp = true, int? smtpPort = null)
    {
        var response = await ws.Owner.PostAsJsonAsync("/api/v1/mailboxes", MailboxBody(mail, address, smtp, smtpPort), TestApi.Json);
        return await response.ReadAsync<MailboxResponse>(HttpStatusCode.Created);
    }

    public static object MailboxBody(MailServer mail, string address, bool smtp = true, int? smtpPort = null) => new
    {
        name = "Support",
        address,
        imap = new { host = MailServer.Host, port = mail.ImapPort, security = "none", userName = address, password = MailServer.Password },
        smtp = smtp ? new { host = MailServer.Host, port = smtpPort ?? mail.SmtpPort, security = "none" } : null,
    };

    public static async Task<MailboxFetchResponse> FetchMailAsync(this TestWorkspace ws, Guid mailboxId) =>
        await (await ws.Owner.PostAsync($"/api/v1/mailboxes/{mailboxId}/fetch", null)).ReadAsync<MailboxFetchResponse>(HttpStatusCode.OK);

    /// <summary>Runs the outbox until nothing is due, as the dispatcher loop would on its next ticks.</summary>
    public static async Task DeliverOutboxAsync(this HeliodeskApplication app)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    public static MimeMessage CustomerMail(string from, string to, string subject, string text, string? fromName = "Ana Customer")
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailServer.CustomerDomain) };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    public static async Task<List<TicketResponse>> TicketsOfAsync(this TestWorkspace ws, string requesterEmail)
    {
        var page = await (await ws.Owner.GetAsync("/api/v1/tickets?limit=100")).ReadAsync<TicketPage>(HttpStatusCode.OK);
        return page.Items.Where(t => t.Requester.Email == requesterEmail).ToList();
    }

    public static async Task<List<MessageResponse>> MessagesAsync(this TestWorkspace ws, Guid ticketId) =>
        (await (await ws.Owner.GetAsync($"/api/v1/tickets/{ticketId}/messages")).ReadAsync<MessagePage>(HttpStatusCode.OK)).Items.ToList();

    public static async Task<TicketEmailResponse> TicketEmailsAsync(this TestWorkspace ws, Guid ticketId) =>
        await (await ws.Owner.GetAsync($"/api/v1/tickets/{ticketId}/emails")).ReadAsync<TicketEmailResponse>(HttpStatusCode.OK);
}
