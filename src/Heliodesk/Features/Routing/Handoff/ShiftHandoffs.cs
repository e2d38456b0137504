using Heliodesk.Data;
using Heliodesk.Features.Routing.Tank;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>
/// Hands over the open tickets of agents whose shift ended, in the current workspace. Each shift end is done in
/// one transaction that also inserts its <see cref="ShiftHandoff"/> row; the row's unique key means a second
/// node, or a second pass, that tries the same shift end fails and changes nothing. Tickets stay when marked
/// sticky or owned by the tank rotation; a ticket whose reply is being written waits (deferred) and is retried.
/// </summary>
public sealed class ShiftHandoffs(
    HeliodeskDb db, QueueEntry entry, TankSweep tankRotation, TicketPresence presence, IOptions<HandoffSettings> settings)
{
    public async Task<int> RunAsync(IReadOnlyList<RegionalSchedule> schedules, DateTimeOffset now, CancellationToken ct)
    {
        var window = Instant.FromDateTimeOffset(now);
        var ends = ShiftChanges.EndsBetween(schedules, window - Duration.FromTimeSpan(settings.Value.CatchUp), window);
        var done = 0;
        foreach (var end in ends)
        {
            var at = end.At.ToDateTimeOffset();
            if (await db.Set<ShiftHandoff>().AnyAsync(h => h.AgentId == end.AgentId && h.ShiftEnd == at, ct))
            {
                continue;
            }
            var to = ShiftChanges.IncomingRegion(schedules, end.At, end.AgentId);
            done += await HandOverShiftAsync(end, to, now, ct) ? 1 : 0;
        }
        await RetryDeferredAsync(now, ct);
        return done;
    }

    private async Task<bool> HandOverShiftAsync(ShiftEnd end, string? toRegion, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var shift = new ShiftHandoff
        {
            WorkspaceId = db.CurrentWorkspaceId,
            AgentId = end.AgentId,
            ShiftEnd = end.At.ToDateTimeOffset(),
            FromRegion = end.Region,
            ToRegion = toRegion,
            RanAt = now,
        };
        db.Set<ShiftHandoff>().Add(shift);
        var tickets = await db.Tickets.Include(t => t.Tags)
            .Where(t => t.AssigneeId == end.AgentId && TicketStatuses.Unsolved.Contains(t.Status))
            .OrderBy(t => t.Number).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var plans = await db.Set<HandoffPlan>().AsNoTracking().Where(p => ids.Contains(p.TicketId)).ToDictionaryAsync(p => p.TicketId, ct);
        // Tank tickets stay with this week's rotation owner: the rotation, not the shift, decides who has them.
        var tankOwner = (await tankRotation.RosterAsync(ct))?.WeekOf(end.At).Owner;
        List<Guid> tank = tankOwner != end.AgentId ? [] : await db.Set<TankMark>().AsNoTracking().Where(m => ids.Contains(m.TicketId)).Select(m => m.TicketId).ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            var item = new TicketHandoff
            {
                WorkspaceId = ticket.WorkspaceId,
                ShiftHandoffId = shift.Id,
                TicketId = ticket.Id,
                FromAgentId = end.AgentId,
                FromRegion = end.Region,
                ToRegion = toRegion,
                At = now,
            };
            db.Set<TicketHandoff>().Add(item);
            var plan = plans.GetValueOrDefault(ticket.Id);
            if (plan?.IsStickyFor(end.AgentId) == true || tank.Contains(ticket.Id))
            {
                Keep(ticket, item, plan?.IsStickyFor(end.AgentId) == true ? HandoffCommands.Describe(plan.Sticky)! : "tank rotation", now);
            }
            else if (IsBeingWritten(ticket.Id))
            {
                (item.Outcome, item.WasDeferred, item.RetryUntil) = (HandoffOutcome.Deferred, true, now + settings.Value.DraftGrace);
                ticket.RecordRouting(TicketEventType.HandoffDeferred, "handoff", null, "a reply is being written; handed over when it ends", Actor.System, now);
            }
            else
            {
                await HandOverAsync(ticket, item, plan, now, "", ct);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || ConflictingWrites.IsKeyViolation(e))
        {
            // Another node handled this shift end, or a ticket changed under us: the next pass sees what is true.
            await transaction.RollbackAsync(ct);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Deferred tickets go over once the draft ends, or after the grace period even if a marker lingers.</summary>
    private async Task RetryDeferredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var deferred = await db.Set<TicketHandoff>().Where(h => h.Outcome == HandoffOutcome.Deferred).ToListAsync(ct);
        foreach (var item in deferred.Where(d => !IsBeingWritten(d.TicketId) || d.RetryUntil <= now))
        {
            var ticket = await db.Tickets.Include(t => t.Tags).FirstAsync(t => t.Id == item.TicketId, ct);
            if (ticket.AssigneeId != item.FromAgentId || !TicketStatuses.Unsolved.Contains(ticket.Status))
            {
                // Answered and solved, or moved by someone meanwhile: nothing is left to hand over.
                (item.Outcome, item.SettledAt) = (HandoffOutcome.Settled, now);
            }
            else
            {
                var plan = await db.Set<HandoffPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.TicketId == ticket.Id, ct);
                var after = IsBeingWritten(ticket.Id) ? " (grace period over; a draft was still open)" : " (after the reply being written ended)";
                await HandOverAsync(ticket, item, plan, now, after, ct);
            }
            await RoutingClaims.SaveUnlessChangedAsync(db, ct);
        }
    }

    private static void Keep(Ticket ticket, TicketHandoff item, string because, DateTimeOffset now)
    {
        (item.Outcome, item.KeptBecause, item.SettledAt) = (HandoffOutcome.Kept, because, now);
        ticket.RecordRouting(TicketEventType.KeptOverShiftChange, "handoff", null, $"stays with its agent ({because})", Actor.System, now);
    }

    private async Task HandOverAsync(Ticket ticket, TicketHandoff item, HandoffPlan? plan, DateTimeOffset now, string after, CancellationToken ct)
    {
        var conversation = await db.Messages.AsNoTracking().Where(m => m.TicketId == ticket.Id)
            .OrderByDescending(m => m.CreatedAt).Take(50)
            .Select(m => new ConversationLine(m.Kind, m.AuthorKind, m.AuthorId, m.Text, m.CreatedAt))
            .ToListAsync(ct);
        var summary = HandoffSummary.Assemble(conversation, item.FromAgentId, plan?.Tried, plan?.NextStep);
        (item.CustomerMessage, item.Tried, item.NextStep) = (summary.CustomerMessage, summary.Tried, summary.NextStep);
        (item.Outcome, item.SettledAt) = (HandoffOutcome.HandedOver, now);
        ticket.Assign(null, Actor.System, now);
        ticket.RecordRouting(TicketEventType.HandedOver, "handoff", item.FromRegion,
            (item.ToRegion ?? "any region") + after, Actor.System, now);
        await entry.RequeueAsync(ticket, item.ToRegion, now, ct);
    }

    private bool IsBeingWritten(Guid ticketId) => presence.IsBeingWritten(ticketId);
}
