using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Decides where a mail goes, inside the processor's transaction: a bounce onto the ticket whose
/// mail bounced; a reply onto its ticket; anything else opens a ticket through Intake. Machines
/// (auto-replies, lists, bounces) never get an acknowledgement, and a sender who opens too many
/// tickets in an hour has the rest joined to their latest one, so a mail loop cannot flood the queue.
/// </summary>
public sealed class InboundFiling(
    HeliodeskDb db, WorkspaceScope scope, ContactDirectory contacts, Intake.Intake intake, Conversation conversation,
    MailThreading threading, InboundContent content, Acknowledgements acknowledgements, IOptions<EmailOptions> options, TimeProvider time)
{
    private const string UnknownSender = "unknown-sender@unknown.invalid";

    public async Task<InboundResult> FileAsync(InboundMail mail, CancellationToken ct)
    {
        var (message, mailbox) = (mail.Message, mail.Mailbox);
        var problems = new List<string>();
        if (mail.Problem is not null)
        {
            problems.Add(mail.Problem);
        }
        var kind = MailClassifier.Classify(message);
        var sender = message.From.Mailboxes.Concat(message.Sender is null ? [] : [message.Sender]).FirstOrDefault(m => EmailAddress.IsValid(m.Address));
        var address = sender is null ? UnknownSender : EmailAddress.Normalize(sender.Address);
        var stored = await content.ReadAsync(message, scope.WorkspaceId, ct);
        if (stored.Truncated)
        {
            problems.Add("shortened; see the original");
        }
        db.Attachments.AddRange(stored.Attachments);
        await db.SaveChangesAsync(ct);
        var attachmentIds = stored.Attachments.Select(a => a.Id).ToList();
        var subject = Subject(message.Subject);
        var now = time.GetUtcNow();

        var contact = await contacts.FindOrCreateAsync(new RequesterInfo(address, sender?.Name, Language(message)), now, ct);
        await db.SaveChangesAsync(ct); // Intake looks the sender up again, in the database
        var ticket = kind == InboundKind.Bounce ? await BouncedTicketAsync(message, ct) : await threading.FindTicketAsync(message, mailbox, contact.Id, ct);
        var outcome = InboundOutcome.Threaded;
        Message added;
        if (ticket is not null && kind != InboundKind.Personal)
        {
            // Machines do not reopen tickets or count as the customer writing: their mail is an internal note.
            added = await NoteAsync(ticket, kind, address, stored, now, ct);
        }
        else if (ticket is not null)
        {
            var received = await intake.ReceiveAsync(ticket, contact, stored.Body, Channel.Email, attachmentIds, ct);
            (ticket, added) = (received.Ticket, received.Message);
        }
        else if (await OverLimitTicketAsync(mailbox, address, now, ct) is { } latest)
        {
            problems.Add("sender over the hourly ticket limit; joined to their latest ticket");
            var received = await intake.ReceiveAsync(latest, contact, stored.Body, Channel.Email, attachmentIds, ct);
            (ticket, added) = (received.Ticket, received.Message);
        }
        else
        {
            var opened = await intake.OpenTicketAsync(new InboundRequest(Channel.Email, new RequesterInfo(address, sender?.Name), subject,
                stored.Body, Language(message), CustomerUrgency.Normal, null, attachmentIds), Actor.Contact(contact.Id), ct);
            (ticket, added, outcome) = (opened.Ticket, opened.Message, InboundOutcome.Created);
            Tag(ticket, kind, problems, now);
            if (kind == InboundKind.Personal && mailbox.SendAcknowledgements && address != UnknownSender)
            {
                await acknowledgements.QueueAsync(ticket, opened.Requester, mailbox, message.MessageId, ct);
            }
        }

        db.Set<InboundEmail>().Add(new InboundEmail
        {
            Id = mail.Id,
            WorkspaceId = scope.WorkspaceId,
            MailboxId = mailbox.Id,
            RfcMessageId = mail.Key,
            UidValidity = mail.UidValidity,
            Uid = mail.Uid,
            TicketId = ticket.Id,
            MessageId = added.Id,
            OpenedTicket = outcome == InboundOutcome.Created,
            FromAddress = address,
            Subject = subject,
            Kind = kind,
            Problems = problems.Count == 0 ? null : string.Join("; ", problems)[..Math.Min(Limits.Subject, string.Join("; ", problems).Length)],
            RawPath = mail.RawPath,
            ReceivedAt = now,
        });
        return new InboundResult(outcome, ticket.Id);
    }

    private async Task<Message> NoteAsync(Ticket ticket, InboundKind kind, string address, InboundContent.Stored stored, DateTimeOffset now, CancellationToken ct)
    {
        var author = kind switch
        {
            InboundKind.Bounce => "Mail delivery failure",
            InboundKind.Bulk => $"Bulk mail from {address}",
            _ => $"Automatic reply from {address}",
        };
        var note = await conversation.AppendAsync(ticket, MessageKind.Note, Actor.System, author[..Math.Min(author.Length, Limits.Name)],
            stored.Body, Channel.Email, stored.Attachments.Select(a => a.Id).ToList(), now, ct);
        if (!ticket.IsClosed)
        {
            ticket.RecordNote(Actor.System, now, null);
        }
        return note;
    }

    // A bounce concerns the mail we sent: mark it bounced and find its ticket.
    private async Task<Ticket?> BouncedTicketAsync(MimeMessage bounce, CancellationToken ct)
    {
        if (MailClassifier.BouncedMessageId(bounce) is not { } original
            || await db.Set<OutboundEmail>().FirstOrDefaultAsync(e => e.RfcMessageId == original, ct) is not { } sent)
        {
            return null;
        }
        sent.Status = OutboundStatus.Bounced;
        var reason = bounce.Subject ?? "bounced";
        sent.BounceReason = reason[..Math.Min(reason.Length, Limits.Subject)];
        return sent.TicketId is { } ticketId ? await db.Tickets.Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == ticketId, ct) : null;
    }

    private async Task<Ticket?> OverLimitTicketAsync(Mailbox mailbox, string address, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - TimeSpan.FromHours(1);
        var recent = db.Set<InboundEmail>().Where(e => e.MailboxId == mailbox.Id && e.FromAddress == address && e.OpenedTicket && e.ReceivedAt > since);
        if (await recent.CountAsync(ct) < options.Value.NewTicketsPerSenderPerHour)
        {
            return null;
        }
        var latestId = await recent.OrderByDescending(e => e.ReceivedAt).Select(e => e.TicketId).FirstAsync(ct);
        return await db.Tickets.Include(t => t.Tags).FirstAsync(t => t.Id == latestId, ct);
    }

    private static void Tag(Ticket ticket, InboundKind kind, List<string> problems, DateTimeOffset now)
    {
        var tags = new List<string>();
        if (kind != InboundKind.Personal)
        {
            tags.Add(kind switch { InboundKind.Bounce => "bounce", InboundKind.Bulk => "bulk-mail", _ => "auto-reply" });
        }
        if (problems.Count > 0)
        {
            tags.Add("email-problem");
        }
        if (tags.Count > 0)
        {
            ticket.SetTags(tags, Actor.System, now);
        }
    }

    private static string Subject(string? subject)
    {
        var text = string.IsNullOrWhiteSpace(subject) ? "(no subject)" : subject.Trim();
        return text[..Math.Min(text.Length, Limits.Subject)];
    }

    private static string? Language(MimeMessage message) =>
        message.Headers["Content-Language"]?.Split(',')[0].Trim() is { Length: > 0 } tag ? LanguageTag.Normalize(tag) : null;
}
