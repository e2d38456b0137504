using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Features.Macros;

public static class MacroApplyApi
{
    public static RouteGroupBuilder MapMacroApplyApi(this RouteGroupBuilder api)
    {
        api.MapPost("/tickets/{id:guid}/macros/{macroId:guid}/apply", ApplyMacro).WithTags("Macros")
            .RequireAuthorization(Policies.Agent).WithWriteTransaction().WithName(nameof(ApplyMacro));
        return api;
    }

    /// <summary>
    /// Applies a macro to a ticket: actions, then the rendered text (or "body", if given) as a reply or note.
    /// Send If-Match (or "version"): a ticket changed since the caller read it answers 409.
    /// </summary>
    public static async Task<Results<Ok<AppliedMacro>, NotFound, ProblemHttpResult>> ApplyMacro(
        Guid id, Guid macroId, ApplyMacroRequest? request, Caller caller, HeliodeskDb db, MacroRunner runner, HttpContext http, CancellationToken ct)
    {
        request ??= new ApplyMacroRequest();
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        var macro = ticket is null ? null : await runner.FindAsync(macroId, caller, ct);
        if (ticket is null || macro is null)
        {
            return TypedResults.NotFound();
        }
        if (Versions.Conflict(Versions.Expected(http.Request, request.Version), ticket.Version, "ticket") is { } conflict)
        {
            return conflict;
        }
        var (landed, message) = await runner.ApplyAsync(ticket, macro, caller, request.Kind, request.Body, request.AttachmentIds ?? [], Channel.Api, null, ct);
        await db.SaveChangesAsync(ct);
        var updated = (await TicketListing.ProjectAsync(db, db.Tickets.Where(t => t.Id == landed.Id), ct))!;
        http.Response.Headers.ETag = Versions.ETag(updated.Version);
        return TypedResults.Ok(new AppliedMacro(updated, message is null ? null : MessageApi.ToResponse(message)));
    }
}
