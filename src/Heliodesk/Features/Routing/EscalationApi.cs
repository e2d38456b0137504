using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>Why the ticket moves tier, and for the next agent, what they need to know (an internal note).</summary>
public sealed record TierChangeRequest(
    [property: Required, MinLength(3), MaxLength(Limits.Subject - 10)] string Reason,
    [property: MaxLength(Limits.MessageText)] string? Note = null,
    [property: Range(1, 3)] int? Tier = null);

public sealed record EngineeringIssueRequest([property: Required, MaxLength(Limits.Url)] string Url, EngineeringIssueStatus? Status = null);

public sealed record EngineeringIssueResponse(Guid TicketId, string Url, EngineeringIssueStatus Status, DateTimeOffset LinkedAt, Guid? LinkedBy);

/// <summary>
/// Escalation T1 → T2 → T3 and back. Escalating needs a reason and a handoff note; either way the ticket leaves
/// its agent and is queued again by the rules at its new tier, so the right people pick it up.
/// </summary>
public static class EscalationApi
{
    public static RouteGroupBuilder MapEscalationApi(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets/{id:guid}").WithTags("Routing").RequireAuthorization(Policies.Agent);
        tickets.MapPost("/escalate", EscalateTicket).WithWriteTransaction().WithName(nameof(EscalateTicket));
        tickets.MapPost("/deescalate", DeescalateTicket).WithWriteTransaction().WithName(nameof(DeescalateTicket));
        tickets.MapPut("/engineering-issue", LinkEngineeringIssue).WithWriteTransaction().WithName(nameof(LinkEngineeringIssue));
        return api;
    }

    public static Task<Results<Ok<TicketResponse>, NotFound, ProblemHttpResult>> EscalateTicket(
        Guid id, TierChangeRequest request, Caller caller, HeliodeskDb db, Conversation conversation, QueueEntry entry, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        return ChangeTierAsync(id, request, up: true, caller, db, conversation, entry, http, time, ct);
    }

    public static Task<Results<Ok<TicketResponse>, NotFound, ProblemHttpResult>> DeescalateTicket(
        Guid id, TierChangeRequest request, Caller caller, HeliodeskDb db, Conversation conversation, QueueEntry entry, HttpContext http, TimeProvider time, CancellationToken ct) =>
        ChangeTierAsync(id, request, up: false, caller, db, conversation, entry, http, time, ct);

    public static async Task<Results<Ok<EngineeringIssueResponse>, NotFound>> LinkEngineeringIssue(
        Guid id, EngineeringIssueRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        if (ticket.Tier < 3)
        {
            throw new DomainRuleException("tier", "Only a tier 3 ticket links an engineering issue; escalate it first.");
        }
        var url = EngineeringLink.ValidUrl(request.Url);
        var now = time.GetUtcNow();
        var link = await db.Set<EngineeringLink>().FirstOrDefaultAsync(l => l.TicketId == id, ct);
        if (link is null)
        {
            link = new EngineeringLink { WorkspaceId = ticket.WorkspaceId, TicketId = id, Url = url };
            db.Set<EngineeringLink>().Add(link);
        }
        var status = request.Status ?? EngineeringIssueStatus.Open;
        if (link.Url != url || link.Status != status || link.LinkedAt == default)
        {
            ticket.RecordRouting(TicketEventType.EngineeringIssueLinked, "engineeringIssue", null, $"{status}: {url}", Actor.Agent(caller.AgentId), now);
        }
        (link.Url, link.Status, link.LinkedAt, link.LinkedBy) = (url, status, now, caller.AgentId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new EngineeringIssueResponse(id, link.Url, link.Status, link.LinkedAt, link.LinkedBy));
    }

    private static async Task<Results<Ok<TicketResponse>, NotFound, ProblemHttpResult>> ChangeTierAsync(
        Guid id, TierChangeRequest request, bool up, Caller caller, HeliodeskDb db, Conversation conversation, QueueEntry entry,
        HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        if (Versions.Conflict(Versions.Expected(http.Request, null), ticket.Version, "ticket") is { } conflict)
        {
            return conflict;
        }
        await ApplyTierChangeAsync(ticket, request, up, caller, conversation, entry, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        var updated = await TicketListing.ProjectAsync(db, db.Tickets.Where(t => t.Id == id), ct);
        http.Response.Headers.ETag = Versions.ETag(updated!.Version);
        return TypedResults.Ok(updated);
    }

    /// <summary>
    /// The tier change itself, shared by the API and the ticket page: the handoff note (required going up) becomes
    /// an internal note, the ticket leaves its agent and is queued again by the rules at its new tier.
    /// </summary>
    public static async Task ApplyTierChangeAsync(
        Ticket ticket, TierChangeRequest request, bool up, Caller caller, Conversation conversation, QueueEntry entry, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length < 3)
        {
            throw new DomainRuleException("reason", "Say why the ticket changes tier (at least 3 characters).");
        }
        if (up && string.IsNullOrWhiteSpace(request.Note))
        {
            throw new DomainRuleException("note", "Write a handoff note: what was tried and what the next tier should look at.");
        }
        var tier = request.Tier ?? ticket.Tier + (up ? 1 : -1);
        if (up ? tier <= ticket.Tier || tier > 3 : tier >= ticket.Tier || tier < 1)
        {
            throw new DomainRuleException("tier", up
                ? $"Ticket #{ticket.Number} is at tier {ticket.Tier}; escalate to a higher tier, at most 3."
                : $"Ticket #{ticket.Number} is at tier {ticket.Tier}; de-escalate to a lower tier, at least 1.");
        }
        var actor = Actor.Agent(caller.AgentId);
        ticket.ChangeTierWithReason(tier, request.Reason.Trim(), actor, now);
        if (!string.IsNullOrWhiteSpace(request.Note))
        {
            await conversation.AppendAsync(ticket, MessageKind.Note, actor, caller.Name,
                MessageBody.From($"Handoff to T{tier}: {request.Note.Trim()}", null), ticket.Channel, [], now, ct);
        }
        ticket.Assign(null, actor, now);
        await entry.RequeueAsync(ticket, null, now, ct);
    }
}
