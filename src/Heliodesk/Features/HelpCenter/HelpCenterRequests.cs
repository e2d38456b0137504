using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Tickets;
using Heliodesk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.HelpCenter;

/// <summary>One public message as the customer sees it.</summary>
public sealed record PublicMessage(string AuthorName, bool FromCustomer, string Text, DateTimeOffset At, IReadOnlyList<PublicFile> Files);

public sealed record PublicFile(Guid Id, string FileName, long Size);

public sealed record RequestSummary(long Number, string Subject, TicketStatus Status, DateTimeOffset UpdatedAt);

public sealed record RequestDetail(Guid Id, long Number, string Subject, TicketStatus Status, DateTimeOffset CreatedAt, IReadOnlyList<PublicMessage> Messages);

/// <summary>
/// What the help center does with tickets: opens them through Intake (channel HelpCenter), files
/// callbacks, and shows a customer their own requests' public conversation (never a note, never
/// anyone else's ticket). Runs inside a <see cref="HelpCenterWork"/> scope; writes are saved by it.
/// </summary>
public sealed class HelpCenterRequests(
    HeliodeskDb db, WorkspaceScope scope, Intake.Intake intake, CallbackQueue callbacks, IOptions<HeliodeskOptions> options, TimeProvider time)
{
    /// <param name="channel">Where the form was filled in: the help center, or the in-app widget (which shares these rules).</param>
    public async Task<Ticket> SubmitAsync(RequestForm form, IReadOnlyList<IFormFile> files, string? language, CancellationToken ct, Channel channel = Channel.HelpCenter)
    {
        var callback = form.CallMe
            ? CallbackQueue.Ask(form.Phone, form.WindowStart, form.WindowEnd, form.TimeZone, null, channel, time.GetUtcNow())
            : null;
        var attachments = await StoreAsync(files, null, ct);
        var urgency = form.ParsedUrgency!.Value;
        var opened = await intake.OpenTicketAsync(new InboundRequest(
            channel, new RequesterInfo(form.Email, form.Name, language, callback?.Window.TimeZone),
            form.Subject, MessageBody.From(form.Description, null), language, urgency, TicketStatuses.PriorityFor(urgency), attachments),
            Actor.System, ct);
        if (callback is not null)
        {
            callbacks.Request(opened.Ticket, callback, Actor.Contact(opened.Requester.Id));
        }
        return opened.Ticket;
    }

    /// <summary>A reply by the signed-in customer; returns the number of the ticket it landed on (a follow-up when closed).</summary>
    public async Task<long?> ReplyAsync(
        CustomerIdentity customer, long number, string text, IReadOnlyList<IFormFile> files, CancellationToken ct, Channel channel = Channel.HelpCenter)
    {
        var ticket = await Own(customer).FirstOrDefaultAsync(t => t.Number == number, ct);
        var author = await db.Contacts.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == customer.ContactId, ct);
        if (ticket is null || author is null)
        {
            return null;
        }
        var attachments = await StoreAsync(files, author.Id, ct);
        var landed = await intake.ReceiveAsync(ticket, author, MessageBody.From(text, null), channel, attachments, ct);
        return landed.Ticket.Number;
    }

    public Task<List<RequestSummary>> ListAsync(CustomerIdentity customer, string? search, CancellationToken ct)
    {
        var query = Own(customer);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // The customer's own words and ours, public replies only; a plain substring match until the knowledge base brings full-text search.
            var term = search.Trim()[..Math.Min(search.Trim().Length, Limits.ShortText)].ToLowerInvariant();
            query = query.Where(t => t.Subject.ToLower().Contains(term)
                || db.Messages.Any(m => m.TicketId == t.Id && m.Kind == MessageKind.Reply && m.Text.ToLower().Contains(term)));
        }
        return query.OrderByDescending(t => t.UpdatedAt).Take(Limits.ListPage)
            .Select(t => new RequestSummary(t.Number, t.Subject, t.Status, t.UpdatedAt)).ToListAsync(ct);
    }

    public async Task<RequestDetail?> FindAsync(CustomerIdentity customer, long number, CancellationToken ct)
    {
        var ticket = await Own(customer).AsNoTracking().FirstOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null)
        {
            return null;
        }
        var messages = await db.Messages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.TicketId == ticket.Id && m.Kind == MessageKind.Reply).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return new RequestDetail(ticket.Id, ticket.Number, ticket.Subject, ticket.Status, ticket.CreatedAt, messages.Select(m => new PublicMessage(
            m.AuthorName, m.AuthorKind == ActorKind.Contact, m.Text, m.CreatedAt,
            m.Attachments.Select(a => new PublicFile(a.Id, a.FileName, a.Size)).ToList())).ToList());
    }

    /// <summary>A file the customer may download: on a public message of one of their own tickets.</summary>
    public Task<Attachment?> FileAsync(CustomerIdentity customer, Guid id, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.Id == id
                && db.Messages.Any(m => m.Id == a.MessageId && m.Kind == MessageKind.Reply && Own(customer).Any(t => t.Id == m.TicketId)))
            .FirstOrDefaultAsync(ct);

    public IQueryable<Ticket> Own(CustomerIdentity customer) => db.Tickets.Where(t => t.RequesterId == customer.ContactId);

    /// <summary>Stores uploads like the agents' attachment API does (same size limit, same place on disk).</summary>
    private async Task<List<Guid>> StoreAsync(IReadOnlyList<IFormFile> files, Guid? contactId, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            var id = Guid.CreateVersion7();
            var relative = Path.Combine("files", scope.WorkspaceId.ToString("N"), id.ToString("N"));
            var sha = await AttachmentApi.StoreAsync(file, options.Value.DataPath(relative), ct);
            db.Attachments.Add(new Attachment
            {
                Id = id,
                WorkspaceId = scope.WorkspaceId,
                FileName = AttachmentApi.SafeFileName(file.FileName),
                ContentType = AttachmentApi.SafeContentType(file.ContentType),
                Size = file.Length,
                Sha256 = sha,
                StoragePath = relative,
                UploadedByKind = ActorKind.Contact,
                UploadedById = contactId,
                CreatedAt = time.GetUtcNow(),
            });
            ids.Add(id);
        }
        if (ids.Count > 0)
        {
            // Conversation claims uploads with a query, so they must be in the database first.
            await db.SaveChangesAsync(ct);
        }
        return ids;
    }
}
