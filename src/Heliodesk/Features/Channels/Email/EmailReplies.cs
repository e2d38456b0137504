using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// An agent's public reply on an email ticket leaves by mail: from the mailbox the customer wrote
/// to, under the agent's name, in reply to the customer's last mail and referencing the whole
/// thread, so the customer's client shows one conversation and their answer threads back here.
/// </summary>
public sealed class EmailReplies(HeliodeskDb db, CustomerEmail mail) : IReplyChannel
{
    private const int MaxReferences = 20;

    public async Task ReplySentAsync(Ticket ticket, Message reply, string agentName, CancellationToken ct)
    {
        // Messages left in the in-app widget when nobody could chat are answered by email too.
        if (ticket.Channel is not (Channel.Email or Channel.Widget))
        {
            return;
        }
        var thread = new[] { ticket.Id, ticket.FollowUpOfId ?? ticket.Id };
        var received = await db.Set<InboundEmail>().AsNoTracking().Where(e => thread.Contains(e.TicketId))
            .OrderBy(e => e.ReceivedAt).Select(e => new { e.RfcMessageId, e.MailboxId, At = e.ReceivedAt }).ToListAsync(ct);
        var sent = await db.Set<OutboundEmail>().AsNoTracking().Where(e => e.TicketId == ticket.Id)
            .Select(e => new { e.RfcMessageId, At = e.CreatedAt }).ToListAsync(ct);
        var mailboxId = received.LastOrDefault()?.MailboxId;
        var mailbox = await db.Set<Mailbox>().Where(m => mailboxId == null ? m.Enabled : m.Id == mailboxId)
            .OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(ct);
        var requester = await db.Contacts.AsNoTracking().Include(c => c.Emails).FirstAsync(c => c.Id == ticket.RequesterId, ct);
        if (requester.PrimaryEmail is not { } to)
        {
            return;
        }
        var references = received.Select(r => (r.RfcMessageId, r.At)).Concat(sent.Select(s => (s.RfcMessageId, s.At)))
            .OrderBy(r => r.At).Select(r => r.RfcMessageId).Where(id => !id.StartsWith("sha256-", StringComparison.Ordinal)).ToList();
        await mail.QueueAsync(new OutgoingDraft(
            mailbox, agentName, to, requester.Name, ReplySubject(ticket), new MessageBody(reply.Text, reply.Html), OutboundPurpose.Reply,
            ticket.Id, reply.Id, received.LastOrDefault(r => !r.RfcMessageId.StartsWith("sha256-", StringComparison.Ordinal))?.RfcMessageId,
            references.TakeLast(MaxReferences).ToList(), reply.Attachments), ct);
    }

    /// <summary>"Re: Cannot export [#42]": the token threads the answer even when a client drops the headers.</summary>
    public static string ReplySubject(Ticket ticket)
    {
        var token = MailThreading.SubjectToken(ticket.Number);
        var subject = ticket.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? ticket.Subject : $"Re: {ticket.Subject}";
        return subject.Contains(token, StringComparison.Ordinal) ? subject : $"{subject} {token}";
    }
}
