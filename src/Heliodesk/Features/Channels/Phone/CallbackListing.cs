using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Phone;

/// <summary>The callback queue as agents read it: earliest window first, filtered by how due each one is.</summary>
public static class CallbackListing
{
    /// <param name="state">open (the default: all not yet done), upcoming, due, overdue, completed or cancelled.</param>
    /// <param name="mine">Only callbacks the caller has claimed.</param>
    /// <param name="ticketId">Only the callbacks of one ticket.</param>
    public static async Task<Results<Ok<CallbackPage>, ProblemHttpResult>> ListCallbacks(
        Caller caller, HeliodeskDb db, CallbackQueue queue, TimeProvider time, string? state, bool? mine, string? ticketId,
        int? limit, string? cursor, CancellationToken ct)
    {
        if (await CallbackApi.Refusal(queue, caller, ct) is { } refusal)
        {
            return refusal;
        }
        var now = time.GetUtcNow();
        var take = Cursor.Limit(limit);
        var query = InState(queue.VisibleTo(caller).AsNoTracking(), state, now);
        if (mine == true)
        {
            query = query.Where(c => c.ClaimedById == caller.AgentId);
        }
        if (Fields.Id(ticketId, "ticketId") is { } ticket)
        {
            query = query.Where(c => c.TicketId == ticket);
        }
        query = CallbackQueue.After(query, cursor).OrderBy(c => c.WindowStart).ThenBy(c => c.Id).Take(take + 1);
        var page = await ProjectAsync(db, query, now, ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].WindowStart.UtcTicks, page[take - 1].Id) : null;
        return TypedResults.Ok(new CallbackPage(page.Take(take).ToList(), next));
    }

    public static async Task<List<CallbackResponse>> ProjectAsync(HeliodeskDb db, IQueryable<CallbackRequest> query, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await query
            .Join(db.Tickets, c => c.TicketId, t => t.Id, (c, t) => new { c, t.Number, t.Subject })
            .Join(db.Contacts, x => x.c.ContactId, p => p.Id, (x, p) => new { x.c, x.Number, x.Subject, p.Name })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.c.WindowStart).ThenBy(r => r.c.Id)
            .Select(r => new CallbackResponse(
                r.c.Id, r.c.TicketId, r.Number, r.Subject, r.c.ContactId, r.Name, r.c.Phone, r.c.WindowStart, r.c.WindowEnd, r.c.TimeZone,
                CallbackWindow.Local(r.c.WindowStart, r.c.TimeZone), CallbackWindow.Local(r.c.WindowEnd, r.c.TimeZone),
                r.c.StateAt(now), r.c.RequestedVia, r.c.RequestedAt, r.c.Notes, r.c.ClaimedById, r.c.Attempts, r.c.LastOutcome, r.c.ClosedAt))
            .ToList();
    }

    private static IQueryable<CallbackRequest> InState(IQueryable<CallbackRequest> query, string? state, DateTimeOffset now)
    {
        var open = query.Where(c => c.Status == CallbackStatus.Requested);
        return (state?.Trim().ToLowerInvariant() ?? "open") switch
        {
            "open" => open,
            "upcoming" => open.Where(c => c.WindowStart > now),
            "due" => open.Where(c => c.WindowStart <= now && c.WindowEnd >= now),
            "overdue" => open.Where(c => c.WindowEnd < now),
            "completed" => query.Where(c => c.Status == CallbackStatus.Completed),
            "cancelled" => query.Where(c => c.Status == CallbackStatus.Cancelled),
            _ => throw new DomainRuleException("state", "Use one of: open, upcoming, due, overdue, completed, cancelled."),
        };
    }
}
