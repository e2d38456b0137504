using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using static Heliodesk.Features.Demo.DemoScript;

namespace Heliodesk.Features.Demo;

/// <summary>
/// Routing for the demo: the three regions, a weekday 09:00–17:00 shift for everyone in their own zone, one queue
/// per team and a rule table, with every demo agent online, so the demo's waiting tickets find owners as each
/// region's day begins.
/// </summary>
internal static class DemoRouting
{
    private static readonly (string Name, string? Team, int Tier, StrategyKind Strategy)[] Queues =
    [
        ("Escalations", Escalations, 2, StrategyKind.LeastLoaded),
        ("Billing", Billing, 1, StrategyKind.LeastLoaded),
        ("Technical", Technical, 1, StrategyKind.LeastLoaded),
        ("General", Onboarding, 1, StrategyKind.RoundRobin),
    ];

    private static readonly (string Queue, string? Tag, int? MinTier)[] Rules =
    [
        ("Escalations", null, 2),
        ("Billing", "invoice", null), ("Billing", "refund", null), ("Billing", "payment", null), ("Billing", "plan-change", null), ("Billing", "tax-forms", null),
        ("Technical", "sso", null), ("Technical", "bug", null), ("Technical", "outage", null), ("Technical", "sync", null),
        ("General", null, null),
    ];

    public static void Add(Data.HeliodeskDb db, Guid workspaceId, DemoCast cast, DateTimeOffset now)
    {
        db.AddRange(Region.Defaults.Select(r => new Region { WorkspaceId = workspaceId, Name = r.Name, TimeZone = r.TimeZone }));
        foreach (var agent in cast.Agents.Values)
        {
            agent.Status = AgentStatus.Online;
            db.AddRange(ShiftPattern.Weekdays.Select(day => new AgentShift
            {
                WorkspaceId = workspaceId,
                AgentId = agent.Id,
                Day = day,
                Start = new TimeOnly(9, 0),
                End = new TimeOnly(17, 0),
            }));
        }

        var queues = Queues.ToDictionary(q => q.Name, q => new RoutingQueue
        {
            WorkspaceId = workspaceId,
            Name = q.Name,
            TeamId = q.Team is null ? null : cast.Teams[q.Team].Id,
            Tier = q.Tier,
            Strategy = q.Strategy,
            OverflowAfterSeconds = 600,
            CreatedAt = now,
        });
        db.AddRange(queues.Values);
        db.AddRange(Rules.Select((r, i) => new RoutingRule
        {
            WorkspaceId = workspaceId,
            Position = (i + 1) * 10,
            QueueId = queues[r.Queue].Id,
            Tag = r.Tag,
            MinTier = r.MinTier,
            Name = r.Tag is not null ? $"Tagged {r.Tag}" : r.MinTier is { } tier ? $"Tier {tier} and up" : "Everything else",
        }));
    }
}
