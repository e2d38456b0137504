using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>Whether someone can chat now, and if not, when the first qualified agent's next shift starts (null: unknown).</summary>
public sealed record TeamAvailability(bool Online, DateTimeOffset? BackAt);

/// <summary>
/// Asks routing's own rules who could take a chat: the queue the workspace's rules send a chat in this
/// language to (its team, skills and tier), and agents who are online and on shift. A team that is full still
/// counts as there (the chat waits for capacity); a team that is away or off shift is not, and then the next
/// shift start of a qualified agent (from their schedules) is when the team is back.
/// </summary>
public sealed class WidgetAvailability(HeliodeskDb db, RoutingAgents agents, ScheduleStore schedules, QueueEntry entry, TimeProvider time)
{
    private static readonly Duration LookAhead = Duration.FromDays(8);

    public async Task<TeamAvailability> ForChatAsync(string? language, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fallback = await entry.FallbackLanguageAsync(ct);
        var queue = await QueueForChatAsync(language ?? fallback, ct);
        var needs = new TicketNeeds(language, queue?.Skills ?? [], queue?.Tier ?? 1, Channel.Chat);
        var options = new RoutingOptions(fallback);
        var qualified = (await agents.LoadAsync(now, null, ct))
            .Where(a => queue is null || a.InPool(queue, null, OverflowSteps.AnyRegion))
            // Capacity and presence aside: could this agent take the chat at all?
            .Where(a => Eligibility.Qualifies(needs, Unconstrained(a.Snapshot), options, out _))
            .ToList();
        if (qualified.Any(a => a.Snapshot.Status == AgentStatus.Online && a.Snapshot.OnShift))
        {
            return new TeamAvailability(true, null);
        }
        var ids = qualified.Select(a => a.Id).ToList();
        var loaded = await schedules.LoadAsync(ids, DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)), ct);
        var from = Instant.FromDateTimeOffset(now);
        var next = loaded.Values
            .SelectMany(s => ShiftCalendar.InstancesOverlapping(s, from, from + LookAhead))
            .Where(i => i.Start > from)
            .Select(i => (Instant?)i.Start)
            .Min();
        return new TeamAvailability(false, next?.ToDateTimeOffset());
    }

    private static AgentSnapshot Unconstrained(AgentSnapshot agent) =>
        agent with { Status = AgentStatus.Online, OnShift = true, Capacity = new Dictionary<Channel, int>(), MaxOpenTickets = null };

    private async Task<RoutingQueue?> QueueForChatAsync(string language, CancellationToken ct)
    {
        var rules = await db.Set<RoutingRule>().AsNoTracking().ToListAsync(ct);
        var rule = RoutingRule.FirstMatch(rules, new TicketFacts(Channel.Chat, language, TicketPriority.Normal, 1, [], null, null));
        return rule is null ? null : await db.Set<RoutingQueue>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == rule.QueueId, ct);
    }
}
