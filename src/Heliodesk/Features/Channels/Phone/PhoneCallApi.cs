using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Phone;

public static class PhoneCallApi
{
    public static RouteGroupBuilder MapPhoneCallApi(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/tickets").WithTags("Phone").RequireAuthorization(Policies.Agent);
        calls.MapGet("/{id:guid}/calls", ListCalls).WithName(nameof(ListCalls));
        calls.MapPost("/{id:guid}/calls", LogCall).WithWriteTransaction().WithName(nameof(LogCall));
        return api;
    }

    public static async Task<Results<Ok<List<PhoneCallResponse>>, NotFound>> ListCalls(
        Guid id, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await CallLog.ForTicketAsync(db, id, ct)).Select(PhoneCallResponse.Of).ToList());
    }

    /// <summary>Logs a call the agent had about this ticket; "status" moves the ticket on in the same step.</summary>
    public static async Task<Results<Created<PhoneCallResponse>, NotFound, ProblemHttpResult>> LogCall(
        Guid id, LogCallRequest request, Caller caller, HeliodeskDb db, CallLog calls, HttpContext http, TimeProvider time, CancellationToken ct)
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
        var details = CallDetails.Of(request, time.GetUtcNow());
        var call = calls.Record(ticket, details, details.DurationSeconds > 0, caller);
        if (request.Status is { } status)
        {
            ticket.ChangeStatus(status, Actor.Agent(caller.AgentId), time.GetUtcNow());
        }
        await db.SaveChangesAsync(ct);
        http.Response.Headers.ETag = Versions.ETag(ticket.Version);
        return TypedResults.Created($"/api/v1/tickets/{id}/calls", PhoneCallResponse.Of(call));
    }
}
