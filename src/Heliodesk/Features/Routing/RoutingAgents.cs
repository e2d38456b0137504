using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>An agent as the router sees them, plus what decides which pools they belong to.</summary>
public sealed record RoutingAgent(AgentSnapshot Snapshot, string? Region, IReadOnlySet<Guid> Teams)
{
    public Guid Id => Snapshot.Id;

    public bool InPool(RoutingQueue queue, string? region, int overflowStep) =>
        (queue.TeamId is null || Teams.Contains(queue.TeamId.Value))
        && (region is null || overflowStep >= OverflowSteps.AnyRegion || string.Equals(Region, region, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads the workspace's active agents with their load in three queries, so a routing pass decides in memory.
/// Chat load counts only live conversations (new or open); every other channel counts all unsolved tickets.
/// </summary>
public sealed class RoutingAgents(HeliodeskDb db, ShiftAvailability shifts)
{
    private static readonly TicketStatus[] Live = [TicketStatus.New, TicketStatus.Open];

    public async Task<List<RoutingAgent>> LoadAsync(DateTimeOffset now, Guid? onlyAgentId, CancellationToken ct)
    {
        var agents = await db.Agents.AsNoTracking()
            .Where(a => a.IsActive && (onlyAgentId == null || a.Id == onlyAgentId))
            .Select(a => new { a.Id, a.Name, a.Status, a.Languages, a.Skills, a.Tier, a.Region })
            .ToListAsync(ct);
        var ids = agents.Select(a => a.Id).ToList();
        var capacities = await db.Set<AgentCapacity>().AsNoTracking().Where(c => ids.Contains(c.AgentId)).ToDictionaryAsync(c => c.AgentId, ct);
        var teams = (await db.TeamMembers.AsNoTracking().Where(m => ids.Contains(m.AgentId)).Select(m => new { m.AgentId, m.TeamId }).ToListAsync(ct))
            .ToLookup(m => m.AgentId, m => m.TeamId);
        var loads = (await db.Tickets.AsNoTracking()
                .Where(t => t.AssigneeId != null && TicketStatuses.Unsolved.Contains(t.Status) && (onlyAgentId == null || t.AssigneeId == onlyAgentId))
                .GroupBy(t => new { t.AssigneeId, t.Channel, Live = Live.Contains(t.Status) })
                .Select(g => new { g.Key.AssigneeId, g.Key.Channel, g.Key.Live, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(l => l.AssigneeId!.Value);
        var onShift = await shifts.OnShiftAsync(ids, now, ct);

        return [.. agents.Select(a =>
        {
            var capacity = capacities.GetValueOrDefault(a.Id);
            var mine = loads[a.Id].ToList();
            var load = mine.Where(l => l.Channel != Channel.Chat || l.Live)
                .GroupBy(l => l.Channel).ToDictionary(g => g.Key, g => g.Sum(l => l.Count));
            var snapshot = new AgentSnapshot(a.Id, a.Name, a.Status, a.Languages, a.Skills, a.Tier, onShift.Contains(a.Id),
                load, new Dictionary<Channel, int> { [Channel.Chat] = capacity?.MaxConcurrentChats ?? AgentCapacity.DefaultMaxConcurrentChats },
                capacity?.LastAssignedAt, mine.Sum(l => l.Count), capacity?.MaxOpenTickets);
            return new RoutingAgent(snapshot, a.Region, teams[a.Id].ToHashSet());
        })];
    }
}
