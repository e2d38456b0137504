using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Phone;
using Heliodesk.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets.Pages;

/// <summary>One line of the ticket's history: a message, a logged phone call, or a quiet event between them.</summary>
public sealed record TimelineEntry(DateTimeOffset At, MessageResponse? Message, TicketEvent? Event, PhoneCallResponse? Call = null);

public sealed record CustomerCard(
    Guid Id, string Name, IReadOnlyList<string> Emails, string? Phone, string? Language, string? TimeZone,
    string? Plan, decimal? Mrr, string? Currency, LifecycleStage? Lifecycle,
    string? OrganizationName, string? OrganizationPlan, decimal? OrganizationMrr, string? OrganizationCurrency, LifecycleStage? OrganizationLifecycle,
    IReadOnlyList<TicketResponse> PreviousTickets);

/// <summary>Everything the ticket page shows, read in one unit of work through the caller's access rules.</summary>
public sealed record TicketScreen(
    TicketResponse Ticket, IReadOnlyList<TimelineEntry> Timeline, CustomerCard Customer,
    IReadOnlyDictionary<Guid, string> AgentNames, IReadOnlyList<(Guid Id, string Name)> Agents, IReadOnlyList<(Guid Id, string Name)> Teams)
{
    public const int MaxMessages = 500;
    public const int PreviousTickets = 10;

    // Messages and calls tell these themselves; the timeline would only repeat them.
    private static readonly TicketEventType[] ShownAsMessages =
        [TicketEventType.Created, TicketEventType.ReplyAdded, TicketEventType.NoteAdded, TicketEventType.CallLogged];

    public static async Task<TicketScreen?> LoadAsync(HeliodeskDb db, Caller caller, long number, CancellationToken ct)
    {
        var ticket = await TicketListing.ProjectAsync(db, db.Tickets.VisibleTo(db, caller).Where(t => t.Number == number), ct);
        if (ticket is null)
        {
            return null;
        }
        var messages = await db.Messages.AsNoTracking().Where(m => m.TicketId == ticket.Id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Take(MaxMessages).Include(m => m.Attachments).ToListAsync(ct);
        var events = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == ticket.Id && !ShownAsMessages.Contains(e.Type))
            .OrderBy(e => e.At).ToListAsync(ct);
        var calls = await CallLog.ForTicketAsync(db, ticket.Id, ct);
        var timeline = messages.Select(m => new TimelineEntry(m.CreatedAt, MessageApi.ToResponse(m), null))
            .Concat(events.Select(e => new TimelineEntry(e.At, null, e)))
            .Concat(calls.Select(c => new TimelineEntry(c.StartedAt, null, null, PhoneCallResponse.Of(c))))
            .OrderBy(e => e.At).ToList();

        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.IsActive }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return new TicketScreen(ticket, timeline, await CustomerAsync(db, caller, ticket, ct),
            agents.ToDictionary(a => a.Id, a => a.Name),
            agents.Where(a => a.IsActive).Select(a => (a.Id, a.Name)).ToList(),
            teams.Select(t => (t.Id, t.Name)).ToList());
    }

    private static async Task<CustomerCard> CustomerAsync(HeliodeskDb db, Caller caller, TicketResponse ticket, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Emails).FirstAsync(c => c.Id == ticket.Requester.Id, ct);
        var organization = contact.OrganizationId is { } orgId ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        var previous = await db.Tickets.AsNoTracking().VisibleTo(db, caller).Where(t => t.RequesterId == contact.Id && t.Id != ticket.Id)
            .OrderByDescending(t => t.Number).Take(PreviousTickets).Select(TicketProjection.ToResponse(db)).ToListAsync(ct);
        return new CustomerCard(contact.Id, contact.Name, contact.Emails.OrderByDescending(e => e.IsPrimary).Select(e => e.Address).ToList(),
            contact.Phone, contact.Language, contact.TimeZone, contact.Plan, contact.Mrr, contact.Currency, contact.Lifecycle,
            organization?.Name, organization?.Plan, organization?.Mrr, organization?.Currency, organization?.Lifecycle, previous);
    }
}
