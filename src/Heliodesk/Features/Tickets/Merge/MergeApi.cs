using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Features.Tickets.Merge;

/// <param name="IntoTicketId">The ticket that keeps going; the one in the path closes into it.</param>
/// <param name="IntoVersion">Optional: the target's version as the caller saw it (409 when it changed since).</param>
public sealed record MergeTicketRequest(Guid IntoTicketId, int? IntoVersion = null, int? Version = null);

public sealed record MergedTickets(TicketResponse Source, TicketResponse Target);

public static class MergeApi
{
    public static RouteGroupBuilder MapMergeApi(this RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id:guid}/merge", MergeTicket).WithWriteTransaction().WithName(nameof(MergeTicket));
        return tickets;
    }

    /// <summary>
    /// Merges the ticket into another of the same requester. If-Match (or "version") guards the source,
    /// "intoVersion" the target; a different requester, itself, or a closed target is a 400 on intoTicketId.
    /// </summary>
    public static async Task<Results<Ok<MergedTickets>, NotFound, ProblemHttpResult>> MergeTicket(
        Guid id, MergeTicketRequest request, Caller caller, HeliodeskDb db, TicketMerge merge, HttpContext http, CancellationToken ct)
    {
        var source = await db.FindVisibleAsync(id, caller, ct);
        if (source is null)
        {
            return TypedResults.NotFound();
        }
        if (Versions.Conflict(Versions.Expected(http.Request, request.Version), source.Version, "ticket") is { } conflict)
        {
            return conflict;
        }
        Ticket target;
        try
        {
            target = await merge.MergeAsync(source, request.IntoTicketId, caller, request.IntoVersion, ct);
        }
        catch (StaleTicketException stale)
        {
            return Versions.Conflict(stale.Expected, stale.Current, "target ticket")!;
        }
        await db.SaveChangesAsync(ct);
        var merged = (await TicketListing.ProjectAsync(db, db.Tickets.Where(t => t.Id == source.Id), ct))!;
        var into = (await TicketListing.ProjectAsync(db, db.Tickets.Where(t => t.Id == target.Id), ct))!;
        http.Response.Headers.ETag = Versions.ETag(merged.Version);
        return TypedResults.Ok(new MergedTickets(merged, into));
    }
}
