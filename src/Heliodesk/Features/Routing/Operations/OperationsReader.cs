using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing.Operations;

public sealed record QueueDepth(Guid QueueId, string Name, int Waiting, DateTimeOffset? OldestWaitingSince);

/// <summary>One region right now. <see cref="Region"/> is null for agents without a region and tickets any region may take.</summary>
public sealed record RegionOperations(string? Region, string? TimeZone, IReadOnlyList<PresenceResponse> Agents, IReadOnlyList<QueueDepth> Queues);

public sealed record OperationsResponse(DateTimeOffset At, IReadOnlyList<RegionOperations> Regions);

/// <summary>
/// The live operations view's data: per region, who is working now (on shift, or online off shift) with their
/// status and load, and how many tickets wait in each queue for that region and since when. The agents come from
/// the same code as <c>GET /presence</c>, the depths count the same waiting rows as <c>GET /queues</c>.
/// </summary>
public static class OperationsReader
{
    public static async Task<OperationsResponse> ReadAsync(HeliodeskDb db, RoutingAgents agents, DateTimeOffset now, string? onlyRegion, CancellationToken ct)
    {
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Name).Select(r => new { r.Name, r.TimeZone }).ToListAsync(ct);
        if (onlyRegion is not null && !regions.Any(r => Same(r.Name, onlyRegion)))
        {
            throw new DomainRuleException("region", $"No region named '{onlyRegion}' in this workspace.");
        }
        var presence = (await PresenceApi.ListPresence(agents, db, new FixedTime(now), ct)).Value!
            .Where(a => a.OnShift || a.Status != AgentStatus.Offline).ToList();
        var queueNames = await db.Set<RoutingQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.Name, ct);
        var waiting = await db.Set<TicketRouting>().AsNoTracking()
            .Where(r => r.State == RoutingState.Queued && r.QueueId != null)
            .GroupBy(r => new { r.Region, r.QueueId })
            .Select(g => new { g.Key.Region, QueueId = g.Key.QueueId!.Value, Waiting = g.Count(), Oldest = g.Min(r => r.EnqueuedAt) })
            .ToListAsync(ct);

        // Names are compared case-insensitively everywhere in routing; show each under its region's own spelling.
        string? Canonical(string? name) => name is null ? null : regions.FirstOrDefault(r => Same(r.Name, name))?.Name ?? name;
        var groups = regions.Select(r => (Name: (string?)r.Name, Zone: (string?)r.TimeZone)).ToList();
        groups.AddRange(presence.Select(a => Canonical(a.Region)).Concat(waiting.Select(w => Canonical(w.Region)))
            .Distinct().Where(name => !groups.Any(g => g.Name == name)).Select(name => (name, (string?)null)));

        return new OperationsResponse(now, [.. groups
            .Where(g => onlyRegion is null || Same(g.Name, onlyRegion))
            .OrderBy(g => g.Name is null).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RegionOperations(g.Name, g.Zone,
                [.. presence.Where(a => Canonical(a.Region) == g.Name).OrderBy(a => a.Status).ThenBy(a => a.Name)],
                [.. waiting.Where(w => Canonical(w.Region) == g.Name && queueNames.ContainsKey(w.QueueId))
                    .Select(w => new QueueDepth(w.QueueId, queueNames[w.QueueId], w.Waiting, w.Oldest))
                    .OrderBy(q => q.OldestWaitingSince).ThenBy(q => q.Name)]))]);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>One reading of the clock for the whole view, so every figure is as of the same instant.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
