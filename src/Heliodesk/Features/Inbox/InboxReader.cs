using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Inbox;

/// <summary>Pages and counts of a view, for what the caller may see.</summary>
public static class InboxReader
{
    public const int PageSize = 50;

    public static Task<TicketPage> PageAsync(HeliodeskDb db, Caller caller, ViewFilter filter, string? cursor, DateTimeOffset now, CancellationToken ct) =>
        TicketListing.PageAsync(Visible(db, caller, filter, now), filter.ToQuery(PageSize, cursor), caller, db, ct);

    public static Task<int> CountAsync(HeliodeskDb db, Caller caller, ViewFilter filter, DateTimeOffset now, CancellationToken ct) =>
        TicketListing.CountAsync(Visible(db, caller, filter, now), filter.ToQuery(PageSize, null), caller, db, ct);

    private static IQueryable<Ticket> Visible(HeliodeskDb db, Caller caller, ViewFilter filter, DateTimeOffset now) =>
        filter.Narrow(db.Tickets.AsNoTracking().VisibleTo(db, caller), db, caller, now);
}
