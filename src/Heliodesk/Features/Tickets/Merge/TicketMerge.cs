using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets.Merge;

/// <summary>
/// Merges one ticket of a customer into another of the same customer, for the API and the ticket page
/// alike: the source's messages and attachments move to the target (docs/decisions/0037), the source
/// closes with a "merged into #N" event, and the target records where the conversation came from.
/// Callers save and commit.
/// </summary>
public sealed class TicketMerge(HeliodeskDb db, TimeProvider time)
{
    /// <summary>How far a chain of merges is followed; merges always end on an open ticket, so real chains are short.</summary>
    private const int MaxHops = 10;

    public async Task<Ticket> MergeAsync(Ticket source, Guid intoTicketId, Caller caller, int? intoVersion, CancellationToken ct)
    {
        var target = await db.FindVisibleAsync(intoTicketId, caller, ct)
            ?? throw new DomainRuleException("intoTicketId", "No ticket with this id in this workspace.");
        TicketCommands.EnsureVersion(target, intoVersion);
        var now = time.GetUtcNow();
        source.MergeInto(target, Actor.Agent(caller.AgentId), now);
        // Re-pointed, not copied: one copy of every message, in the target's conversation at its original time.
        await db.Messages.Where(m => m.TicketId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.TicketId, target.Id), ct);
        await db.Attachments.Where(a => a.TicketId == source.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.TicketId, target.Id), ct);
        return target;
    }

    /// <summary>The ticket a customer's message to <paramref name="ticket"/> belongs on: itself, or where it was merged.</summary>
    public static async Task<Ticket> LiveTicketAsync(HeliodeskDb db, Ticket ticket, CancellationToken ct)
    {
        for (var hop = 0; hop < MaxHops && ticket.MergedIntoId is { } next; hop++)
        {
            if (await db.Tickets.Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == next, ct) is not { } target)
            {
                break;
            }
            ticket = target;
        }
        return ticket;
    }

    /// <summary>The same customer's other tickets that can take a merge, newest first (for the "Merge into…" picker).</summary>
    public static Task<List<TicketResponse>> CandidatesAsync(HeliodeskDb db, Caller caller, Ticket source, CancellationToken ct) =>
        db.Tickets.AsNoTracking().VisibleTo(db, caller)
            .Where(t => t.RequesterId == source.RequesterId && t.Id != source.Id && t.Status != TicketStatus.Closed)
            .OrderByDescending(t => t.Number).Take(50).Select(TicketProjection.ToResponse(db)).ToListAsync(ct);
}
