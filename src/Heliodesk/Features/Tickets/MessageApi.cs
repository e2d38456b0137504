using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

public enum MessageSender { Agent, Requester }

public sealed record PostMessageRequest(
    [property: MaxLength(Limits.MessageText)] string? Body,
    MessageKind Kind = MessageKind.Reply,
    [property: MaxLength(Limits.MessageHtml)] string? Html = null,
    TicketStatus? Status = null,
    MessageSender From = MessageSender.Agent,
    [property: MaxLength(Limits.AttachmentsPerMessage)] List<Guid>? AttachmentIds = null,
    int? Version = null);

public sealed record AttachmentResponse(Guid Id, string FileName, string ContentType, long Size, string Url);

public sealed record MessageResponse(
    Guid Id, Guid TicketId, MessageKind Kind, ActorKind AuthorKind, Guid? AuthorId, string AuthorName,
    string Text, string Html, Channel Channel, DateTimeOffset CreatedAt, IReadOnlyList<AttachmentResponse> Attachments);

public sealed record PostedMessage(MessageResponse Message, TicketResponse Ticket);

public sealed record MessagePage(IReadOnlyList<MessageResponse> Items, string? NextCursor);

public static class MessageApi
{
    public static RouteGroupBuilder MapMessageApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/{id:guid}/messages", ListMessages).WithName(nameof(ListMessages));
        tickets.MapPost("/{id:guid}/messages", PostMessage).WithWriteTransaction().WithName(nameof(PostMessage));
        return tickets;
    }

    public static async Task<Results<Ok<MessagePage>, NotFound>> ListMessages(
        Guid id, Caller caller, HeliodeskDb db, int? limit, string? cursor, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var take = Cursor.Limit(limit, 100);
        var query = db.Messages.AsNoTracking().Where(m => m.TicketId == id);
        if (Cursor.DecodeInstantAndId(cursor) is (var at, var messageId))
        {
            query = query.Where(m => m.CreatedAt > at || (m.CreatedAt == at && m.Id.CompareTo(messageId) > 0));
        }
        var page = await query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(take + 1).Include(m => m.Attachments).ToListAsync(ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].CreatedAt.UtcTicks, page[take - 1].Id) : null;
        return TypedResults.Ok(new MessagePage(page.Take(take).Select(ToResponse).ToList(), next));
    }

    /// <summary>
    /// An agent's reply or note, or (from: requester) a customer message relayed by an integration.
    /// A customer message on a closed ticket lands on a new follow-up ticket, which the response names.
    /// </summary>
    public static async Task<Results<Created<PostedMessage>, NotFound, ProblemHttpResult>> PostMessage(
        Guid id, PostMessageRequest request, Caller caller, HeliodeskDb db, TicketCommands commands, HttpContext http, CancellationToken ct)
    {
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        if (Versions.Conflict(Versions.Expected(http.Request, request.Version), ticket.Version, "ticket") is { } conflict)
        {
            return conflict;
        }
        (ticket, var message) = await commands.PostMessageAsync(ticket, caller, request, Channel.Api, ct);
        await db.SaveChangesAsync(ct);
        var ticketResponse = await TicketListing.ProjectAsync(db, db.Tickets.Where(t => t.Id == ticket.Id), ct);
        http.Response.Headers.ETag = Versions.ETag(ticketResponse!.Version);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id}/messages", new PostedMessage(ToResponse(message), ticketResponse));
    }

    public static MessageResponse ToResponse(Message m) => new(
        m.Id, m.TicketId, m.Kind, m.AuthorKind, m.AuthorId, m.AuthorName, m.Text, m.Html, m.Channel, m.CreatedAt,
        m.Attachments.Select(a => new AttachmentResponse(a.Id, a.FileName, a.ContentType, a.Size, $"/api/v1/attachments/{a.Id}")).ToList());
}
