using Heliodesk.Data;
using Heliodesk.Features.Routing.Handoff;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Live;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Routing.Tank;

/// <summary>
/// Finds tickets that became tank and routes every open tank ticket to this week's rotation owner. Only queued
/// tickets (with a routing record) are judged, because the median belongs to a queue. The assignment goes through
/// the same claim as the router (the ticket's version), so it never overwrites a change made meanwhile, and a
/// ticket whose reply is being written is left for the next sweep.
/// </summary>
public sealed class TankSweep(HeliodeskDb db, TicketPresence presence)
{
    private const int Batch = 2000;

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var marked = await MarkNewAsync(now, ct);
        return marked + await RouteToOwnerAsync(now, ct);
    }

    public async Task<TankRoster?> RosterAsync(CancellationToken ct)
    {
        var rotation = await db.Set<TankRotation>().AsNoTracking().FirstOrDefaultAsync(ct);
        return rotation is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(rotation.TimeZone) is not { } zone
            ? null
            : new TankRoster(zone, LocalDate.FromDateOnly(rotation.FirstWeek), rotation.AgentIds);
    }

    private async Task<int> MarkNewAsync(DateTimeOffset now, CancellationToken ct)
    {
        var marks = db.Set<TankMark>();
        var open = await db.Set<TicketRouting>().AsNoTracking().Where(r => r.QueueId != null && !marks.Any(m => m.TicketId == r.TicketId))
            .Join(db.Tickets.Where(t => TicketStatuses.Unsolved.Contains(t.Status)), r => r.TicketId, t => t.Id,
                (r, t) => new { t.Id, QueueId = r.QueueId!.Value, t.CreatedAt, t.TouchCount })
            .OrderBy(x => x.CreatedAt).Take(Batch).ToListAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }
        var since = now - TankRules.Window;
        var solved = await db.Set<TicketRouting>().AsNoTracking().Where(r => r.QueueId != null)
            .Join(db.Tickets.Where(t => t.SolvedAt != null && t.SolvedAt >= since), r => r.TicketId, t => t.Id,
                (r, t) => new { QueueId = r.QueueId!.Value, t.CreatedAt, SolvedAt = t.SolvedAt!.Value })
            .ToListAsync(ct);
        var medians = solved.GroupBy(s => s.QueueId).ToDictionary(g => g.Key, g => TankRules.Median(g.Select(s => s.SolvedAt - s.CreatedAt)));
        var limits = await db.Set<TankQueueSetting>().AsNoTracking().ToDictionaryAsync(s => s.QueueId, s => s.MaxTouches, ct);

        var found = 0;
        foreach (var ticket in open)
        {
            var reason = TankRules.Classify(now - ticket.CreatedAt, medians.GetValueOrDefault(ticket.QueueId), ticket.TouchCount,
                limits.GetValueOrDefault(ticket.QueueId, TankQueueSetting.DefaultMaxTouches));
            if (reason is null)
            {
                continue;
            }
            var tracked = await db.Tickets.Include(t => t.Tags).FirstAsync(t => t.Id == ticket.Id, ct);
            marks.Add(new TankMark { WorkspaceId = tracked.WorkspaceId, TicketId = ticket.Id, QueueId = ticket.QueueId, Since = now, Reason = reason });
            tracked.RecordRouting(TicketEventType.TankMarked, "tank", null, reason, Actor.System, now);
            found += await RoutingClaims.SaveUnlessChangedAsync(db, ct) ? 1 : 0;
        }
        return found;
    }

    private async Task<int> RouteToOwnerAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (await RosterAsync(ct) is not { } roster || roster.WeekOf(Instant.FromDateTimeOffset(now)) is not { Owner: { } owner } week)
        {
            return 0;
        }
        if (!await db.Agents.AnyAsync(a => a.Id == owner && a.IsActive, ct))
        {
            return 0;
        }
        var due = await db.Set<TankMark>().AsNoTracking()
            .Join(db.Tickets.Where(t => TicketStatuses.Unsolved.Contains(t.Status) && t.AssigneeId != owner), m => m.TicketId, t => t.Id, (m, t) => t.Id)
            .Take(Batch).ToListAsync(ct);
        var reason = $"tank rotation: owner of the week of {week.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
        var routed = 0;
        foreach (var id in due.Where(id => !presence.IsBeingWritten(id)))
        {
            var ticket = await db.Tickets.Include(t => t.Tags).FirstAsync(t => t.Id == id, ct);
            var routing = await db.Set<TicketRouting>().FirstOrDefaultAsync(r => r.TicketId == id, ct);
            ticket.AssignByRouting(owner, reason, now);
            routing?.MarkAssigned(owner, reason, false, now);
            routed += await RoutingClaims.SaveUnlessChangedAsync(db, ct) ? 1 : 0;
        }
        return routed;
    }
}
