using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>
/// The agent's side of handoff, shared by the API and the ticket page: writing the handoff note and marking a
/// ticket sticky. Each change is an event on the ticket. Callers save.
/// </summary>
public sealed class HandoffCommands(HeliodeskDb db, TimeProvider time)
{
    public Task<HandoffPlan?> PlanOfAsync(Guid ticketId, CancellationToken ct) =>
        db.Set<HandoffPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.TicketId == ticketId, ct);

    public async Task<HandoffPlan> WriteNoteAsync(Ticket ticket, Caller caller, string? tried, string? nextStep, CancellationToken ct)
    {
        (tried, nextStep) = (Bounded(tried, "tried"), Bounded(nextStep, "nextStep"));
        var plan = await TrackedPlanAsync(ticket, ct);
        if (plan.Tried == tried && plan.NextStep == nextStep)
        {
            return plan;
        }
        var now = time.GetUtcNow();
        (plan.Tried, plan.NextStep, plan.NoteUpdatedAt, plan.NoteUpdatedBy) = (tried, nextStep, now, caller.AgentId);
        ticket.RecordRouting(TicketEventType.HandoffNoteWritten, "handoffNote", null,
            nextStep is null ? "note cleared of a next step" : $"next step: {nextStep}", Actor.Agent(caller.AgentId), now);
        return plan;
    }

    /// <summary>
    /// Marks the ticket as staying with its assignee over shift changes, or (null) lets it go again. Only the
    /// assignee or a lead decides that, and only for an assigned ticket: a mark with nobody to stay with means nothing.
    /// </summary>
    public async Task<HandoffPlan> SetStickyAsync(Ticket ticket, Caller caller, StickyReason? reason, CancellationToken ct)
    {
        if (reason is not null && ticket.AssigneeId is null)
        {
            throw new DomainRuleException("reason", $"Ticket #{ticket.Number} has no assignee to stay with; assign it first.");
        }
        if (ticket.AssigneeId != caller.AgentId && caller.Role is not (AgentRole.Owner or AgentRole.Admin or AgentRole.Lead))
        {
            throw new DomainRuleException("reason", "Only the ticket's assignee or a lead decides whether it stays over a shift change.");
        }
        var plan = await TrackedPlanAsync(ticket, ct);
        (StickyReason? Reason, Guid? Agent) wanted = reason is null ? (null, null) : (reason, ticket.AssigneeId);
        if ((plan.Sticky, plan.StickyAgentId) == wanted)
        {
            return plan;
        }
        var now = time.GetUtcNow();
        var from = plan.IsStickyFor(ticket.AssigneeId) ? Describe(plan.Sticky) : null;
        (plan.Sticky, plan.StickyAgentId, plan.StickySince) = (wanted.Reason, wanted.Agent, reason is null ? null : now);
        ticket.RecordRouting(TicketEventType.StickyChanged, "sticky", from, Describe(reason) ?? "released", Actor.Agent(caller.AgentId), now);
        return plan;
    }

    public static string? Describe(StickyReason? reason) => reason switch
    {
        StickyReason.Specialist => "sticky: specialist",
        StickyReason.Complex => "sticky: complex",
        StickyReason.AgentChoice => "sticky: agent's choice",
        _ => null,
    };

    private async Task<HandoffPlan> TrackedPlanAsync(Ticket ticket, CancellationToken ct)
    {
        var plan = await db.Set<HandoffPlan>().FirstOrDefaultAsync(p => p.TicketId == ticket.Id, ct);
        if (plan is null)
        {
            plan = new HandoffPlan { WorkspaceId = ticket.WorkspaceId, TicketId = ticket.Id };
            db.Set<HandoffPlan>().Add(plan);
        }
        return plan;
    }

    private static string? Bounded(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        return trimmed.Length <= HandoffLimits.Note
            ? trimmed
            : throw new DomainRuleException(field, $"Keep it under {HandoffLimits.Note} characters; longer belongs in an internal note.");
    }
}
