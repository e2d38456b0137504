using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

/// <summary>What one pass did, for logs, tests and the benchmark.</summary>
public sealed record RouterPass(int Queued, int Widened, int Assigned)
{
    public static readonly RouterPass Idle = new(0, 0, 0);

    public RouterPass Plus(RouterPass other) => new(Queued + other.Queued, Widened + other.Widened, Assigned + other.Assigned);
}

/// <summary>
/// One routing pass over the current workspace: newly unassigned tickets enter the queue their rules name,
/// tickets waiting past their queue's timeout widen their pool, and push queues hand waiting tickets to eligible
/// agents, most urgent and oldest first. Decisions are made in memory from one read; each is then claimed
/// against the ticket's version, so a decision made on stale data is refused rather than applied.
/// </summary>
public sealed class Router(HeliodeskDb db, RoutingAgents agents, RoutingClaims claims, QueueEntry entry, TimeProvider time)
{
    public const int BatchSize = 200;

    public async Task<RouterPass> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var queued = await entry.EnqueueWaitingAsync(now, ct);
        if (queued < 0)
        {
            return RouterPass.Idle;
        }
        var widened = await entry.WidenOverdueAsync(now, ct);
        var assigned = await AssignAsync(now, ct);
        return new RouterPass(queued, widened, assigned);
    }

    private async Task<int> AssignAsync(DateTimeOffset now, CancellationToken ct)
    {
        var queues = await db.Set<RoutingQueue>().AsNoTracking().Where(q => q.Strategy != StrategyKind.Pull).ToDictionaryAsync(q => q.Id, ct);
        if (queues.Count == 0)
        {
            return 0;
        }
        var waiting = await RoutingQueueReader.WaitingAsync(db, queues.Keys, BatchSize * 10, ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var pool = (await agents.LoadAsync(now, null, ct)).Where(a => a.Snapshot.Status == Agents.AgentStatus.Online && a.Snapshot.OnShift).ToList();
        var fallback = await entry.FallbackLanguageAsync(ct);
        var turns = queues.ToDictionary(q => q.Key, q => q.Value.LastAssignedAgentId);

        var decisions = new List<(WaitingTicket Ticket, RoutingDecision Decision)>();
        foreach (var ticket in waiting)
        {
            var queue = queues[ticket.QueueId];
            var candidates = pool.Where(a => a.InPool(queue, ticket.Region, ticket.OverflowStep)).Select(a => a.Snapshot);
            if (AssignmentStrategy.Choose(ticket.NeedsIn(queue), candidates, ticket.OptionsWith(fallback), queue.Strategy, turns[queue.Id]) is not { } decision)
            {
                continue;
            }
            decisions.Add((ticket, decision));
            turns[queue.Id] = decision.Agent.Id;
            // The next decision in this pass must see this one's load, or one agent would get the whole batch.
            var index = pool.FindIndex(a => a.Id == decision.Agent.Id);
            pool[index] = pool[index] with { Snapshot = pool[index].Snapshot.WithOneMore(ticket.Channel, now) };
        }

        var assigned = 0;
        foreach (var batch in decisions.Chunk(BatchSize))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            assigned += await claims.TryClaimAllAsync(
                [.. batch.Select(d => new RoutingClaim(d.Ticket.TicketId, d.Decision.Agent.Id, d.Decision.Reason, d.Decision.NeedsLanguage))], now, ct);
            await SaveTurnsAsync(batch.Select(d => d.Ticket.QueueId).Distinct(), turns, ct);
            await transaction.CommitAsync(ct);
        }
        return assigned;
    }

    private async Task SaveTurnsAsync(IEnumerable<Guid> queueIds, Dictionary<Guid, Guid?> turns, CancellationToken ct)
    {
        foreach (var queueId in queueIds)
        {
            var turn = turns[queueId];
            await db.Set<RoutingQueue>().Where(q => q.Id == queueId).ExecuteUpdateAsync(s => s.SetProperty(q => q.LastAssignedAgentId, turn), ct);
        }
    }
}
