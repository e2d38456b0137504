using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.InboundWebhooks;

/// <summary>
/// Files one verified message inside the request's transaction: a message id seen before answers with
/// what it created then; a known conversation threads onto its ticket (a closed one gets a follow-up,
/// which the conversation then follows); anything else opens a ticket through Intake.
/// </summary>
public sealed class InboundWebhookFiling(HeliodeskDb db, WorkspaceScope scope, ContactDirectory contacts, Intake.Intake intake, TimeProvider time)
{
    public async Task<InboundWebhookAccepted> FileAsync(InboundChannel channel, InboundWebhookMessageDraft draft, CancellationToken ct)
    {
        if (await EarlierAsync(channel.Id, draft.MessageId, ct) is { } earlier)
        {
            return earlier;
        }
        var now = time.GetUtcNow();
        var conversation = await db.Set<InboundConversation>().FirstOrDefaultAsync(c => c.ChannelId == channel.Id && c.ExternalId == draft.ConversationId, ct);
        IntakeResult filed;
        bool opened;
        if (conversation is not null)
        {
            var ticket = await db.Tickets.FirstAsync(t => t.Id == conversation.TicketId, ct);
            var author = await db.Contacts.Include(c => c.Emails).FirstAsync(c => c.Id == conversation.ContactId, ct);
            filed = await intake.ReceiveAsync(ticket, author, draft.Body, Channel.Webhook, [], ct);
            opened = filed.Ticket.Id != ticket.Id;
            conversation.TicketId = filed.Ticket.Id;
        }
        else
        {
            var contact = await ContactAsync(draft, now, ct);
            filed = await intake.OpenTicketAsync(new InboundRequest(Channel.Webhook, new RequesterInfo(contact.PrimaryEmail ?? "", contact.Name), draft.Subject,
                draft.Body, draft.Language, draft.Urgency, null, []), Actor.Contact(contact.Id), ct, requester: contact);
            conversation = new InboundConversation
            {
                WorkspaceId = scope.WorkspaceId,
                ChannelId = channel.Id,
                ExternalId = draft.ConversationId,
                TicketId = filed.Ticket.Id,
                ContactId = contact.Id,
                CreatedAt = now,
            };
            db.Add(conversation);
            opened = true;
        }
        db.Add(new InboundWebhookMessage
        {
            WorkspaceId = scope.WorkspaceId,
            ChannelId = channel.Id,
            ExternalId = draft.MessageId,
            ConversationId = conversation.Id,
            TicketId = filed.Ticket.Id,
            MessageId = filed.Message.Id,
            OpenedTicket = opened,
            ReceivedAt = now,
        });
        return new InboundWebhookAccepted(filed.Ticket.Id, filed.Ticket.Number, filed.Message.Id, opened, Duplicate: false);
    }

    /// <summary>What an already accepted message created, answered again to a retry or a replay.</summary>
    public async Task<InboundWebhookAccepted?> EarlierAsync(Guid channelId, string messageId, CancellationToken ct)
    {
        var earlier = await db.Set<InboundWebhookMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.ChannelId == channelId && m.ExternalId == messageId, ct);
        if (earlier is null)
        {
            return null;
        }
        var number = await db.Tickets.Where(t => t.Id == earlier.TicketId).Select(t => t.Number).FirstAsync(ct);
        return new InboundWebhookAccepted(earlier.TicketId, number, earlier.MessageId, earlier.OpenedTicket, Duplicate: true);
    }

    // A sender with an address is the contact with that address. A sender known only by a phone
    // number (SMS, WhatsApp) is the contact with that number, or a new contact without an address.
    private async Task<Contact> ContactAsync(InboundWebhookMessageDraft draft, DateTimeOffset now, CancellationToken ct)
    {
        if (draft.Email is { } email)
        {
            var byAddress = await contacts.FindOrCreateAsync(new RequesterInfo(email, draft.Name, draft.Language), now, ct);
            byAddress.Phone ??= draft.Phone;
            return byAddress;
        }
        var phone = draft.Phone!;
        if (await db.Contacts.Include(c => c.Emails).OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(c => c.Phone == phone, ct) is { } byPhone)
        {
            return byPhone;
        }
        var contact = new Contact
        {
            WorkspaceId = scope.WorkspaceId,
            Name = draft.Name ?? phone,
            Phone = phone,
            Language = draft.Language,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Contacts.Add(contact);
        return contact;
    }
}
