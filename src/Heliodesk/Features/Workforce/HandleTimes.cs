using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Workforce;

/// <summary>The handle time the forecast uses for a channel, and whether it was measured or is the configured default.</summary>
public sealed record HandleTime(Channel Channel, double Minutes, int Tickets, bool Measured);

/// <summary>
/// Estimates how long agents work on a ticket from the event log, because Heliodesk does not time agents' typing.
/// Each message an agent writes (reply or internal note) is one turn of work; the turn began at the later of the
/// ticket's previous message (or its creation) and its last assignment, and is capped at
/// <see cref="WorkforceSettings.MaxTurnMinutes"/>, because a longer gap is the ticket waiting, not the agent working.
/// A ticket's handle time is the sum of its turns; a channel's is the mean over its tickets.
/// </summary>
public sealed class HandleTimes(HeliodeskDb db)
{
    public sealed record Turn(Guid TicketId, DateTimeOffset At, bool ByAgent);

    public async Task<IReadOnlyDictionary<Channel, HandleTime>> MeasureAsync(DateTimeOffset from, DateTimeOffset to, WorkforceSettings settings, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to)
            .Select(t => new { t.Id, t.Channel, t.CreatedAt }).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var messages = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.TicketId))
                .Select(m => new { m.TicketId, m.CreatedAt, m.AuthorKind }).ToListAsync(ct))
            .Select(m => new Turn(m.TicketId, m.CreatedAt, m.AuthorKind == ActorKind.Agent)).ToLookup(m => m.TicketId);
        var assigned = (await db.TicketEvents.AsNoTracking().Where(e => ids.Contains(e.TicketId) && e.Type == TicketEventType.AssigneeChanged)
            .Select(e => new { e.TicketId, e.At }).ToListAsync(ct)).ToLookup(e => e.TicketId, e => e.At);
        var cap = TimeSpan.FromMinutes(settings.MaxTurnMinutes);

        var measured = tickets
            .Select(t => (t.Channel, Minutes: Estimate(t.CreatedAt, messages[t.Id], assigned[t.Id], cap)))
            .Where(t => t.Minutes is not null)
            .GroupBy(t => t.Channel)
            .ToDictionary(g => g.Key, g => (Mean: g.Average(t => t.Minutes!.Value), Count: g.Count()));
        return Enum.GetValues<Channel>().ToDictionary(c => c, c => measured.TryGetValue(c, out var m) && m.Count >= settings.MinHandleSamples
            ? new HandleTime(c, m.Mean, m.Count, true)
            : new HandleTime(c, settings.DefaultHandleMinutes, measured.TryGetValue(c, out var few) ? few.Count : 0, false));
    }

    /// <summary>Minutes of agent work on one ticket, or null when no agent wrote on it (nothing measured).</summary>
    public static double? Estimate(DateTimeOffset created, IEnumerable<Turn> messages, IEnumerable<DateTimeOffset> assignments, TimeSpan cap)
    {
        var assignedAt = assignments.Order().ToList();
        var previous = created;
        double? total = null;
        foreach (var message in messages.OrderBy(m => m.At))
        {
            if (message.ByAgent)
            {
                var lastAssigned = assignedAt.LastOrDefault(a => a <= message.At);
                var start = lastAssigned > previous ? lastAssigned : previous;
                var turn = message.At - start;
                total = (total ?? 0) + (turn < cap ? turn : cap).TotalMinutes;
            }
            previous = message.At;
        }
        return total;
    }
}
