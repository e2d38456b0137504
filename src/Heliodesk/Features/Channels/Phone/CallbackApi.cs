using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Phone;

public static class CallbackApi
{
    public static RouteGroupBuilder MapCallbackApi(this RouteGroupBuilder api)
    {
        var callbacks = api.MapGroup("/callbacks").WithTags("Phone").RequireAuthorization(Policies.Agent);
        callbacks.MapPost("/", RequestCallback).WithWriteTransaction().WithName(nameof(RequestCallback));
        callbacks.MapGet("/", CallbackListing.ListCallbacks).WithName(nameof(CallbackListing.ListCallbacks));
        callbacks.MapGet("/{id:guid}", GetCallback).WithName(nameof(GetCallback));
        callbacks.MapPost("/{id:guid}/claim", ClaimCallback).WithWriteTransaction().WithName(nameof(ClaimCallback));
        callbacks.MapPost("/{id:guid}/attempts", RecordAttempt).WithWriteTransaction().WithName(nameof(RecordAttempt));
        callbacks.MapPost("/{id:guid}/cancel", CancelCallback).WithWriteTransaction().WithName(nameof(CancelCallback));
        return api;
    }

    /// <summary>
    /// Queues a callback on a ticket, or opens a phone ticket for the requester first (an integration
    /// relaying "call me back" from its own app, or an agent taking the request on the customer's behalf).
    /// </summary>
    public static async Task<Results<Created<CallbackResponse>, NotFound>> RequestCallback(
        RequestCallbackRequest request, Caller caller, HeliodeskDb db, CallbackQueue queue, Intake.Intake intake, TimeProvider time, CancellationToken ct)
    {
        var ask = CallbackQueue.Ask(request.Phone, request.WindowStart, request.WindowEnd, request.TimeZone, request.Notes,
            request.Via ?? Channel.Phone, time.GetUtcNow());
        Ticket? ticket;
        if (request.TicketId is { } ticketId)
        {
            ticket = await db.FindVisibleAsync(ticketId, caller, ct);
            if (ticket is null)
            {
                return TypedResults.NotFound();
            }
        }
        else
        {
            var requester = request.Requester is { } r && EmailAddress.IsValid(r.Email) ? r
                : throw new DomainRuleException("requester.email", "Give the ticketId, or the requester's email address to open a ticket for the callback.");
            var subject = string.IsNullOrWhiteSpace(request.Subject) ? "Callback request" : request.Subject.Trim();
            var body = MessageBody.From(ask.Notes ?? $"Please call me back on {ask.Phone}.", null);
            ticket = (await intake.OpenTicketAsync(new Intake.InboundRequest(ask.Via, new RequesterInfo(requester.Email, requester.Name, requester.Language, requester.TimeZone),
                subject, body, null, CustomerUrgency.Normal, null, []), Actor.Agent(caller.AgentId), ct)).Ticket;
        }
        var callback = queue.Request(ticket, ask, Actor.Agent(caller.AgentId));
        await db.SaveChangesAsync(ct);
        var response = await CallbackListing.ProjectAsync(db, db.Set<CallbackRequest>().Where(c => c.Id == callback.Id), time.GetUtcNow(), ct);
        return TypedResults.Created($"/api/v1/callbacks/{callback.Id}", response.Single());
    }

    public static async Task<Results<Ok<CallbackResponse>, NotFound, ProblemHttpResult>> GetCallback(
        Guid id, Caller caller, HeliodeskDb db, CallbackQueue queue, TimeProvider time, CancellationToken ct)
    {
        if (await Refusal(queue, caller, ct) is { } refusal)
        {
            return refusal;
        }
        var found = await CallbackListing.ProjectAsync(db, queue.VisibleTo(caller).Where(c => c.Id == id), time.GetUtcNow(), ct);
        return found.Count == 1 ? TypedResults.Ok(found[0]) : TypedResults.NotFound();
    }

    public static Task<Results<Ok<CallbackResponse>, NotFound, ProblemHttpResult>> ClaimCallback(
        Guid id, Caller caller, HeliodeskDb db, CallbackQueue queue, TimeProvider time, CancellationToken ct) =>
        WithCallbackAsync(id, caller, db, queue, time, ct, async (callback, ticket) =>
            await queue.ClaimAsync(callback, ticket, caller, ct) ? null
                : ConflictingWrites.Conflict(callback.Status == CallbackStatus.Requested
                    ? "Another agent has claimed this callback." : $"This callback is already {callback.Status.ToString().ToLowerInvariant()}."));

    public static Task<Results<Ok<CallbackResponse>, NotFound, ProblemHttpResult>> RecordAttempt(
        Guid id, CallbackAttemptRequest request, Caller caller, HeliodeskDb db, CallbackQueue queue, TimeProvider time, CancellationToken ct) =>
        WithCallbackAsync(id, caller, db, queue, time, ct, async (callback, ticket) =>
        {
            if (!await queue.ClaimAsync(callback, ticket, caller, ct))
            {
                return ConflictingWrites.Conflict("Another agent has claimed this callback; only they can log its calls.");
            }
            queue.RecordAttempt(callback, ticket, request, caller);
            return null;
        });

    public static Task<Results<Ok<CallbackResponse>, NotFound, ProblemHttpResult>> CancelCallback(
        Guid id, CancelCallbackRequest request, Caller caller, HeliodeskDb db, CallbackQueue queue, TimeProvider time, CancellationToken ct) =>
        WithCallbackAsync(id, caller, db, queue, time, ct, (callback, ticket) =>
        {
            queue.Cancel(callback, ticket, request.Reason, caller);
            return Task.FromResult<ProblemHttpResult?>(null);
        });

    // Loads the callback and its ticket as the caller may see them, runs the step, saves, answers the new state.
    private static async Task<Results<Ok<CallbackResponse>, NotFound, ProblemHttpResult>> WithCallbackAsync(
        Guid id, Caller caller, HeliodeskDb db, CallbackQueue queue, TimeProvider time, CancellationToken ct,
        Func<CallbackRequest, Ticket, Task<ProblemHttpResult?>> step)
    {
        if (await Refusal(queue, caller, ct) is { } refusal)
        {
            return refusal;
        }
        var callback = await queue.VisibleTo(caller).FirstOrDefaultAsync(c => c.Id == id, ct);
        var ticket = callback is null ? null : await db.FindVisibleAsync(callback.TicketId, caller, ct);
        if (callback is null || ticket is null)
        {
            return TypedResults.NotFound();
        }
        if (await step(callback, ticket) is { } problem)
        {
            return problem;
        }
        await db.SaveChangesAsync(ct);
        var response = await CallbackListing.ProjectAsync(db, db.Set<CallbackRequest>().Where(c => c.Id == id), time.GetUtcNow(), ct);
        return TypedResults.Ok(response.Single());
    }

    internal static async Task<ProblemHttpResult?> Refusal(CallbackQueue queue, Caller caller, CancellationToken ct) =>
        await queue.CanWorkAsync(caller, ct) ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"Callbacks are worked by agents with the '{CallbackQueue.PhoneSkill}' skill and by leads.");
}
