using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Intake;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Features.Tickets;

public static class TicketApi
{
    public static RouteGroupBuilder MapTicketApi(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets").RequireAuthorization(Policies.Agent);
        tickets.MapPost("/", CreateTicket).WithWriteTransaction().WithName(nameof(CreateTicket))
            .WithGroupCommit<CreateTicketRequest>(r => r.AttachmentIds is not { Count: > 0 });
        tickets.MapGet("/", TicketListing.ListTickets).WithName(nameof(TicketListing.ListTickets));
        tickets.MapGet("/{id:guid}", GetTicket).WithName(nameof(GetTicket));
        tickets.MapPatch("/{id:guid}", UpdateTicket).WithWriteTransaction().WithName(nameof(UpdateTicket));
        return tickets;
    }

    public static async Task<Created<TicketResponse>> CreateTicket(
        CreateTicketRequest request, Caller caller, HeliodeskDb db, Intake.Intake intake, HttpResponse response, CancellationToken ct)
    {
        if (!EmailAddress.IsValid(request.Requester.Email))
        {
            throw new DomainRuleException("requester.email", "Enter the requester's email address, like name@example.com.");
        }
        var language = request.Language is null ? null : Fields.Language(request.Language);
        var tags = TicketAccess.NormalizeTags(request.Tags ?? []);
        await db.EnsureReferencesAsync(request.AssigneeId, request.TeamId, ct);

        var opened = await intake.OpenTicketAsync(new InboundRequest(
            request.Channel ?? Channel.Api,
            new RequesterInfo(request.Requester.Email, request.Requester.Name, request.Requester.Language, request.Requester.TimeZone),
            request.Subject.Trim(), MessageBody.From(request.Body, request.Html), language,
            request.Urgency ?? CustomerUrgency.Normal, request.Priority, request.AttachmentIds ?? []), Actor.Agent(caller.AgentId), ct);

        var ticket = opened.Ticket;
        var (actor, now) = (Actor.Agent(caller.AgentId), ticket.CreatedAt);
        ticket.SetTeam(request.TeamId, actor, now);
        ticket.Assign(request.AssigneeId, actor, now);
        ticket.SetTier(request.Tier ?? 1, actor, now);
        ticket.SetTags(tags, actor, now);
        if (request.Status is { } status)
        {
            ticket.StartIn(status, actor, now);
        }
        // WriteTransaction saves (or hands the rows to the group-commit writer) after this returns.
        var requester = new PersonSummary(opened.Requester.Id, opened.Requester.Name, opened.Requester.PrimaryEmail);
        response.Headers.ETag = Versions.ETag(ticket.Version);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id}", ticket.ToResponse(requester));
    }

    public static async Task<Results<Ok<TicketResponse>, NotFound>> GetTicket(
        Guid id, Caller caller, HeliodeskDb db, HttpResponse response, CancellationToken ct)
    {
        var ticket = await TicketListing.ProjectAsync(db, db.Tickets.VisibleTo(db, caller).Where(t => t.Id == id), ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        response.Headers.ETag = Versions.ETag(ticket.Version);
        return TypedResults.Ok(ticket);
    }

    public static async Task<Results<Ok<TicketResponse>, NotFound, ProblemHttpResult>> UpdateTicket(
        Guid id, UpdateTicketRequest request, Caller caller, HeliodeskDb db, TicketCommands commands, HttpContext http, CancellationToken ct)
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
        await commands.UpdateAsync(ticket, caller, request, ct);
        await db.SaveChangesAsync(ct);

        var updated = await TicketListing.ProjectAsync(db, db.Tickets.Where(t => t.Id == id), ct);
        http.Response.Headers.ETag = Versions.ETag(updated!.Version);
        return TypedResults.Ok(updated);
    }
}
