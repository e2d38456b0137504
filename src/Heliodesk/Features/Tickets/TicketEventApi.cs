using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

public sealed record TicketEventResponse(
    Guid Id, Guid TicketId, DateTimeOffset At, TicketEventType Type, ActorKind ActorKind, Guid? ActorId,
    string? Field, string? From, string? To, Guid? MessageId);

public sealed record TicketEventPage(IReadOnlyList<TicketEventResponse> Items, string? NextCursor);

/// <summary>The audit trail: per ticket, and as one workspace-wide feed for integrations and reports.</summary>
public static class TicketEventApi
{
    public static RouteGroupBuilder MapTicketEventApi(this RouteGroupBuilder api, RouteGroupBuilder tickets)
    {
        tickets.MapGet("/{id:guid}/events", ListTicketEvents).WithName(nameof(ListTicketEvents));
        api.MapGet("/events", ListEvents).WithTags("Events").RequireAuthorization(Policies.Lead).WithName(nameof(ListEvents));
        return api;
    }

    public static async Task<Results<Ok<TicketEventPage>, NotFound>> ListTicketEvents(
        Guid id, Caller caller, HeliodeskDb db, int? limit, string? cursor, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await PageAsync(db.TicketEvents.Where(e => e.TicketId == id), limit, cursor, ct));
    }

    /// <summary>Every ticket event of the workspace in time order; follow nextCursor to tail it.</summary>
    public static async Task<Ok<TicketEventPage>> ListEvents(HeliodeskDb db, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(db.TicketEvents, limit, cursor, ct));

    private static async Task<TicketEventPage> PageAsync(IQueryable<TicketEvent> events, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit, 100);
        if (Cursor.DecodeInstantAndId(cursor) is (var at, var id))
        {
            events = events.Where(e => e.At > at || (e.At == at && e.Id.CompareTo(id) > 0));
        }
        var page = await events.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).Take(take + 1)
            .Select(e => new TicketEventResponse(e.Id, e.TicketId, e.At, e.Type, e.ActorKind, e.ActorId, e.Field, e.From, e.To, e.MessageId))
            .ToListAsync(ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].At.UtcTicks, page[take - 1].Id) : null;
        return new TicketEventPage(page.Take(take).ToList(), next);
    }
}
