using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>Appends messages to a ticket's conversation, claiming the uploads they reference.</summary>
public sealed class Conversation(HeliodeskDb db)
{
    public async Task<Message> AppendAsync(
        Ticket ticket, MessageKind kind, Actor author, string authorName, MessageBody body, Channel channel,
        IReadOnlyCollection<Guid> attachmentIds, DateTimeOffset now, CancellationToken ct)
    {
        if (body.Text.Length == 0 && attachmentIds.Count == 0)
        {
            throw new DomainRuleException("body", "A message needs text or at least one attachment.");
        }
        var message = new Message
        {
            WorkspaceId = ticket.WorkspaceId,
            TicketId = ticket.Id,
            Kind = kind,
            AuthorKind = author.Kind,
            AuthorId = author.Id,
            AuthorName = authorName,
            Text = body.Text,
            Html = body.Html,
            Channel = channel,
            CreatedAt = now,
        };
        if (attachmentIds.Count > 0)
        {
            await ClaimAttachmentsAsync(message, attachmentIds, ct);
        }
        db.Messages.Add(message);
        ticket.RecordMessage(message);
        return message;
    }

    private async Task ClaimAttachmentsAsync(Message message, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count > Limits.AttachmentsPerMessage)
        {
            throw new DomainRuleException("attachmentIds", $"A message can carry at most {Limits.AttachmentsPerMessage} attachments.");
        }
        var distinct = ids.Distinct().ToList();
        var uploads = await db.Attachments.Where(a => distinct.Contains(a.Id) && a.MessageId == null).ToListAsync(ct);
        if (uploads.Count != distinct.Count)
        {
            throw new DomainRuleException("attachmentIds", "Each attachment must be an upload of this workspace that is not yet attached to a message.");
        }
        foreach (var upload in uploads)
        {
            upload.MessageId = message.Id;
            upload.TicketId = message.TicketId;
            message.Attachments.Add(upload);
        }
    }
}
