using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Routing;

/// <summary>How a queue hands out work: pushed round robin, pushed to the least loaded, or pulled by agents.</summary>
public enum StrategyKind { RoundRobin, LeastLoaded, Pull }

/// <summary>Who gets the ticket, and the sentence shown to them ("Lithuanian, Billing, T1, least loaded").</summary>
public sealed record RoutingDecision(AgentSnapshot Agent, bool NeedsLanguage, string Reason);

/// <summary>
/// Picking one agent among the eligible. Both strategies are deterministic for the same inputs, so two nodes
/// deciding at once agree, and a test can say exactly who must be chosen.
/// </summary>
public static class AssignmentStrategy
{
    /// <summary>
    /// The next agent after the last one assigned, in the stable order of their ids, wrapping round. Agents
    /// joining or leaving the pool do not reset the turn, so over time everyone gets the same share.
    /// </summary>
    public static AgentSnapshot? RoundRobin(IEnumerable<AgentSnapshot> eligible, Guid? lastAssignedId)
    {
        // One scan, no sort: the smallest id after the last one assigned, else the smallest id of all.
        AgentSnapshot? first = null, next = null;
        foreach (var agent in eligible)
        {
            if (first is null || agent.Id.CompareTo(first.Id) < 0)
            {
                first = agent;
            }
            if (lastAssignedId is { } last && agent.Id.CompareTo(last) > 0 && (next is null || agent.Id.CompareTo(next.Id) < 0))
            {
                next = agent;
            }
        }
        return next ?? first;
    }

    /// <summary>
    /// The agent with the least work on the ticket's channel; on a tie, whoever was given work longest ago (never
    /// counts as longest), so equal loads still take turns; the id settles the rest so the answer is stable.
    /// </summary>
    public static AgentSnapshot? LeastLoaded(IEnumerable<AgentSnapshot> eligible, Channel channel) =>
        eligible.MinBy(a => (a.LoadOn(channel), a.LastAssignedAt ?? DateTimeOffset.MinValue, a.Id));

    /// <summary>
    /// Checks every agent, prefers those who speak the customer's language, and only when none of them can take
    /// the ticket hands it to a fallback-language speaker flagged "needs language". Null when nobody can take it.
    /// </summary>
    public static RoutingDecision? Choose(
        TicketNeeds ticket, IEnumerable<AgentSnapshot> agents, RoutingOptions options, StrategyKind strategy, Guid? lastAssignedId = null)
    {
        var speakers = new List<AgentSnapshot>();
        var fallbackSpeakers = new List<AgentSnapshot>();
        foreach (var agent in agents)
        {
            if (Eligibility.Qualifies(ticket, agent, options, out var needs))
            {
                (needs ? fallbackSpeakers : speakers).Add(agent);
            }
        }
        var needsLanguage = speakers.Count == 0;
        var pool = needsLanguage ? fallbackSpeakers : speakers;

        var chosen = strategy switch
        {
            StrategyKind.RoundRobin => RoundRobin(pool, lastAssignedId),
            StrategyKind.LeastLoaded => LeastLoaded(pool, ticket.Channel),
            // Pulling: the pool is the one agent asking for work.
            StrategyKind.Pull => pool.FirstOrDefault(),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown routing strategy."),
        };
        if (chosen is null)
        {
            return null;
        }

        return new RoutingDecision(chosen, needsLanguage, Reason(ticket, needsLanguage, strategy, options));
    }

    /// <summary>Why this agent: the ticket's language, skills and tier they matched, then how they were picked.</summary>
    public static string Reason(TicketNeeds ticket, bool needsLanguage, StrategyKind strategy, RoutingOptions options)
    {
        var parts = new List<string>();
        if (ticket.Language is { } language)
        {
            parts.Add(needsLanguage && options.FallbackLanguage is { } fallback
                ? $"{LanguageNames.Of(fallback)} (needs {LanguageNames.Of(language)})"
                : LanguageNames.Of(language));
        }

        parts.AddRange(ticket.Skills.Select(Capitalized));
        parts.Add($"T{ticket.Tier}");
        parts.Add(strategy switch
        {
            StrategyKind.RoundRobin => "round robin",
            StrategyKind.LeastLoaded => "least loaded",
            StrategyKind.Pull => "pulled",
            _ => strategy.ToString(),
        });
        return string.Join(", ", parts);
    }

    private static string Capitalized(string skill) =>
        skill.Length == 0 ? skill : char.ToUpperInvariant(skill[0]) + skill[1..];
}
