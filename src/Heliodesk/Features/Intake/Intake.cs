using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Intake;

/// <summary>Everything a channel knows about a new request, in one shape.</summary>
public sealed record InboundRequest(
    Channel Channel, RequesterInfo Requester, string Subject, MessageBody Body, string? Language,
    CustomerUrgency Urgency, TicketPriority? Priority, IReadOnlyCollection<Guid> AttachmentIds);

public sealed record IntakeResult(Ticket Ticket, Message Message, Contact Requester);

/// <summary>
/// Where every channel's messages become tickets: finds or creates the contact, numbers the
/// ticket, threads customer replies (reopening solved tickets, opening follow-ups for closed ones).
/// Stages everything in the request's DbContext; the caller saves (inside the request's write
/// transaction, or through the group-commit writer: docs/decisions/0008).
/// </summary>
public sealed class Intake(HeliodeskDb db, WorkspaceScope scope, ContactDirectory contacts, Conversation conversation, TicketNumbers numbers, TimeProvider time)
{
    /// <param name="requester">
    /// The contact when the channel already knows it (a customer known by phone number only); otherwise
    /// the contact is found or created by <see cref="InboundRequest.Requester"/>'s address.
    /// </param>
    public async Task<IntakeResult> OpenTicketAsync(InboundRequest request, Actor openedBy, CancellationToken ct, Guid? followUpOf = null, Contact? requester = null)
    {
        var now = time.GetUtcNow();
        var contact = requester ?? await contacts.FindOrCreateAsync(request.Requester, now, ct);
        var language = request.Language ?? contact.Language ?? await WorkspaceLanguageAsync(ct);
        var number = await numbers.NextAsync(db, scope.WorkspaceId, ct);
        var ticket = Ticket.Open(new TicketDraft(
            scope.WorkspaceId, number, request.Subject, request.Channel, contact.Id, contact.OrganizationId,
            language, request.Urgency, request.Priority, followUpOf), openedBy, now);
        db.Tickets.Add(ticket);
        var message = await conversation.AppendAsync(ticket, MessageKind.Reply, Actor.Contact(contact.Id), contact.Name,
            request.Body, request.Channel, request.AttachmentIds, now, ct);
        return new IntakeResult(ticket, message, contact);
    }

    /// <summary>
    /// A customer wrote on an existing ticket. A closed ticket cannot change, so the message opens a
    /// follow-up linked to it; the returned ticket is the one the message landed on.
    /// </summary>
    public async Task<IntakeResult> ReceiveAsync(Ticket ticket, Contact author, MessageBody body, Channel channel, IReadOnlyCollection<Guid> attachmentIds, CancellationToken ct)
    {
        // A merged ticket's thread continues on the ticket it was merged into.
        ticket = await Tickets.Merge.TicketMerge.LiveTicketAsync(db, ticket, ct);
        if (ticket.IsClosed)
        {
            var followUp = await OpenTicketAsync(new InboundRequest(channel, new RequesterInfo(author.PrimaryEmail ?? "", author.Name),
                ticket.Subject, body, ticket.Language, ticket.Urgency, ticket.Priority, attachmentIds), Actor.Contact(author.Id), ct, ticket.Id, author);
            followUp.Ticket.Assign(ticket.AssigneeId, Actor.System, followUp.Ticket.CreatedAt);
            followUp.Ticket.SetTeam(ticket.TeamId, Actor.System, followUp.Ticket.CreatedAt);
            ticket.RecordFollowUp(followUp.Ticket, Actor.Contact(author.Id), followUp.Ticket.CreatedAt);
            return followUp;
        }
        var now = time.GetUtcNow();
        ticket.ReceiveCustomerMessage(Actor.Contact(author.Id), now);
        var message = await conversation.AppendAsync(ticket, MessageKind.Reply, Actor.Contact(author.Id), author.Name, body, channel, attachmentIds, now, ct);
        return new IntakeResult(ticket, message, author);
    }

    private Task<string> WorkspaceLanguageAsync(CancellationToken ct)
    {
        var workspaceId = scope.WorkspaceId;
        return db.Workspaces.Where(w => w.Id == workspaceId).Select(w => w.DefaultLanguage).SingleAsync(ct);
    }
}
