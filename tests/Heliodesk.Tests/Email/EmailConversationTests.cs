using System.Text;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;
using MimeKit;

namespace Heliodesk.Tests.Email;

/// <summary>A customer and an agent talking by email, through real Postfix and Dovecot.</summary>
public sealed class EmailConversationTests(TestDatabases databases, MailServer mail)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_mail_opens_a_ticket_and_the_conversation_threads_both_ways(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var customer = await mail.NewAddressAsync(MailServer.CustomerDomain);
        var mailbox = await ws.ConnectMailboxAsync(mail, support);

        var first = EmailTestApi.CustomerMail(customer, support, "Cannot export my invoices", "The export button does nothing.");
        await mail.SendAsync(first);
        await mail.InboxAsync(support);
        Assert.Equal(new MailboxFetchResponse(1, 1, 0), await ws.FetchMailAsync(mailbox.Id));

        var ticket = Assert.Single(await ws.TicketsOfAsync(customer));
        Assert.Equal((Channel.Email, "Cannot export my invoices", "Ana Customer"), (ticket.Channel, ticket.Subject, ticket.Requester.Name));
        Assert.Equal("The export button does nothing.", Assert.Single(await ws.MessagesAsync(ticket.Id)).Text);

        // The customer is told it arrived, as an automatic reply to their mail.
        await app.DeliverOutboxAsync();
        var acknowledgement = Assert.Single(await mail.InboxAsync(customer));
        Assert.Equal(first.MessageId, acknowledgement.InReplyTo);
        Assert.Equal("auto-replied", acknowledgement.Headers[HeaderId.AutoSubmitted]);
        Assert.Contains($"#{ticket.Number}", acknowledgement.TextBody, StringComparison.Ordinal);

        // The agent's answer leaves from the support address, under the agent's name, in the customer's thread.
        await ws.Owner.ReplyAsync(ticket.Id, "Thanks, Ana. Try the CSV export while we fix it.");
        await app.DeliverOutboxAsync();
        var answer = (await mail.InboxAsync(customer, 2)).Single(m => m.MessageId != acknowledgement.MessageId);
        var from = Assert.Single(answer.From.Mailboxes);
        Assert.Equal(support, from.Address);
        Assert.False(string.IsNullOrEmpty(from.Name));
        Assert.Equal(first.MessageId, answer.InReplyTo);
        Assert.Contains(first.MessageId, answer.References);
        Assert.Equal($"Re: Cannot export my invoices [#{ticket.Number}]", answer.Subject);
        Assert.Contains("Try the CSV export", answer.TextBody, StringComparison.Ordinal);
        var delivery = (await ws.TicketEmailsAsync(ticket.Id)).Outbound.Single(o => o.Purpose == OutboundPurpose.Reply);
        Assert.Equal((DeliveryState.Sent, answer.MessageId), (delivery.State, delivery.RfcMessageId));

        // The customer answers from their mail client, quoting the agent: it lands on the same ticket, new part only.
        var reply = EmailTestApi.CustomerMail(customer, support, "Re: " + answer.Subject,
            $"CSV works, thank you!\n\nOn Mon, 2 Nov 2026 at 09:05, {from.Name} <{support}> wrote:\n> Thanks, Ana. Try the CSV export while we fix it.\n");
        reply.InReplyTo = answer.MessageId;
        reply.References.Add(first.MessageId!);
        reply.References.Add(answer.MessageId!);
        await mail.SendAsync(reply);
        await mail.InboxAsync(support, 2);
        Assert.Equal(new MailboxFetchResponse(1, 0, 0), await ws.FetchMailAsync(mailbox.Id));

        Assert.Single(await ws.TicketsOfAsync(customer));
        var messages = await ws.MessagesAsync(ticket.Id);
        Assert.Equal(3, messages.Count);
        Assert.Equal("CSV works, thank you!", messages[2].Text);
        Assert.Contains("<details>", messages[2].Html, StringComparison.Ordinal);
        Assert.Contains("Try the CSV export", messages[2].Html, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.Open, (await ws.Owner.GetTicketAsync(ticket.Id)).Status);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reply_with_only_the_subject_token_threads_when_it_comes_from_the_requester(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var customer = await mail.NewAddressAsync(MailServer.CustomerDomain);
        var stranger = await mail.NewAddressAsync(MailServer.CustomerDomain);
        var mailbox = await ws.ConnectMailboxAsync(mail, support);
        await mail.SendAsync(EmailTestApi.CustomerMail(customer, support, "Refund for order 7", "Please refund order 7."));
        await mail.InboxAsync(support);
        await ws.FetchMailAsync(mailbox.Id);
        var ticket = Assert.Single(await ws.TicketsOfAsync(customer));

        // A client that drops In-Reply-To, then the plus address; a stranger using the token gets a ticket of their own.
        await mail.SendAsync(EmailTestApi.CustomerMail(customer, support, $"Order 7 [#{ticket.Number}]", "Any news?"));
        var plus = support.Replace("@", $"+{ticket.Number}@", StringComparison.Ordinal);
        await mail.SendAsync(EmailTestApi.CustomerMail(customer, plus, "Order 7 again", "Still waiting."));
        await mail.SendAsync(EmailTestApi.CustomerMail(stranger, support, $"Hijack [#{ticket.Number}]", "Let me in."));
        await mail.InboxAsync(support, 4);
        Assert.Equal(new MailboxFetchResponse(3, 1, 0), await ws.FetchMailAsync(mailbox.Id));

        Assert.Equal(["Please refund order 7.", "Any news?", "Still waiting."], (await ws.MessagesAsync(ticket.Id)).Select(m => m.Text));
        Assert.Single(await ws.TicketsOfAsync(stranger));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Attachments_inline_images_and_a_legacy_charset_arrive_intact(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var support = await mail.NewAddressAsync(MailServer.SupportDomain);
        var customer = await mail.NewAddressAsync(MailServer.CustomerDomain);
        var mailbox = await ws.ConnectMailboxAsync(mail, support);

        var message = new MimeMessage { Subject = "Счёт не выгружается", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailServer.CustomerDomain) };
        message.From.Add(new MailboxAddress("Иван Петров", customer));
        message.To.Add(MailboxAddress.Parse(support));
        var text = new TextPart("plain");
        text.SetText(Encoding.GetEncoding("koi8-r"), "Кнопка экспорта не работает. Скриншот ниже.");
        var html = new TextPart("html");
        html.SetText(Encoding.GetEncoding("koi8-r"), "<p>Кнопка экспорта не работает.</p><img src=\"cid:shot@customer.test\"><script>alert(1)</script>");
        var image = new MimePart("image", "png") { Content = new MimeContent(new MemoryStream([137, 80, 78, 71, 1, 2, 3])), ContentId = "shot@customer.test" };
        image.ContentDisposition = new ContentDisposition(ContentDisposition.Inline);
        var invoice = new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream("%PDF-1.4 invoice 7"u8.ToArray())), FileName = "счёт-7.pdf" };
        invoice.ContentTransferEncoding = ContentEncoding.Base64;
        message.Body = new Multipart("mixed") { new MultipartRelated { new MultipartAlternative { text, html }, image }, invoice };
        await mail.SendAsync(message);
        await mail.InboxAsync(support);
        await ws.FetchMailAsync(mailbox.Id);

        var ticket = Assert.Single(await ws.TicketsOfAsync(customer));
        Assert.Equal(("Счёт не выгружается", "Иван Петров"), (ticket.Subject, ticket.Requester.Name));
        var first = Assert.Single(await ws.MessagesAsync(ticket.Id));
        Assert.Equal("Кнопка экспорта не работает. Скриншот ниже.", first.Text);
        Assert.DoesNotContain("<script", first.Html, StringComparison.OrdinalIgnoreCase);
        var stored = first.Attachments.Single(a => a.FileName == "счёт-7.pdf");
        Assert.Equal("%PDF-1.4 invoice 7"u8.ToArray(), await ws.Owner.GetByteArrayAsync(stored.Url));
        var shot = first.Attachments.Single(a => a.ContentType == "image/png");
        Assert.Contains($"src=\"{shot.Url}\"", first.Html, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 137, 80, 78, 71, 1, 2, 3 }, await ws.Owner.GetByteArrayAsync(shot.Url));

        // The original is kept byte for byte.
        var inbound = Assert.Single((await ws.TicketEmailsAsync(ticket.Id)).Inbound);
        var raw = await ws.Owner.GetByteArrayAsync(inbound.RawUrl);
        Assert.Equal(Assert.Single(await mail.RawInboxAsync(support)).Raw, raw);
    }
}
