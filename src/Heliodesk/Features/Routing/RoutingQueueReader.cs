using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>A ticket waiting in a queue, with the ticket fields routing decides on.</summary>
public sealed record WaitingTicket(
    Guid TicketId, Guid QueueId, string? Region, int OverflowStep, DateTimeOffset EnqueuedAt,
    TicketPriority Priority, string Language, int Tier, Channel Channel)
{
    public TicketNeeds NeedsIn(RoutingQueue queue) => new(Language, queue.Skills, Math.Max(Tier, queue.Tier), Channel);

    public RoutingOptions OptionsWith(string fallbackLanguage) =>
        OverflowStep >= OverflowSteps.FallbackLanguage ? new RoutingOptions(fallbackLanguage) : RoutingOptions.Default;
}

public static class RoutingQueueReader
{
    /// <summary>Waiting tickets, most urgent first, then the longest waiting: the order both push and pull serve.</summary>
    public static Task<List<WaitingTicket>> WaitingAsync(HeliodeskDb db, IReadOnlyCollection<Guid>? queueIds, int limit, CancellationToken ct) =>
        db.Set<TicketRouting>().AsNoTracking()
            .Where(r => r.State == RoutingState.Queued && r.QueueId != null && (queueIds == null || queueIds.Contains(r.QueueId.Value)))
            .Join(db.Tickets.Where(t => t.AssigneeId == null && TicketStatuses.Unsolved.Contains(t.Status)),
                r => r.TicketId, t => t.Id, (r, t) => new { r, t })
            .OrderByDescending(x => x.t.Priority).ThenBy(x => x.r.EnqueuedAt).ThenBy(x => x.t.Id)
            .Select(x => new WaitingTicket(x.t.Id, x.r.QueueId!.Value, x.r.Region, x.r.OverflowStep, x.r.EnqueuedAt,
                x.t.Priority, x.t.Language, x.t.Tier, x.t.Channel))
            .Take(limit)
            .ToListAsync(ct);
}
