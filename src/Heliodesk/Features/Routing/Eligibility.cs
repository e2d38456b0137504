using System.Globalization;
using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Routing;

/// <summary>
/// Whether one agent may take one ticket, and if not, every reason why: a lead asking "why did nobody get this?"
/// wants the whole list ("offline", "no Lithuanian"), not just the first rule that failed.
/// </summary>
public sealed record EligibilityResult(AgentSnapshot Agent, bool NeedsLanguage, IReadOnlyList<string> Reasons)
{
    public bool IsEligible => Reasons.Count == 0;
}

public static class Eligibility
{
    public static EligibilityResult Check(TicketNeeds ticket, AgentSnapshot agent, RoutingOptions options)
    {
        var reasons = new List<string>();

        // Away keeps current work but takes nothing new; offline takes nothing at all.
        if (agent.Status != AgentStatus.Online)
        {
            reasons.Add(agent.Status.ToString().ToLowerInvariant());
        }

        if (!agent.OnShift)
        {
            reasons.Add("off shift");
        }

        var needsLanguage = false;
        if (ticket.Language is { } language && !Speaks(agent, language))
        {
            if (options.FallbackLanguage is { } fallback && Speaks(agent, fallback))
            {
                needsLanguage = true;
            }
            else
            {
                reasons.Add($"no {LanguageNames.Of(language)}");
            }
        }

        foreach (var skill in ticket.Skills.Where(s => !agent.Skills.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            reasons.Add($"missing skill {skill}");
        }

        // A higher tier may help below its level; a lower tier may not answer above it.
        if (agent.Tier < ticket.Tier)
        {
            reasons.Add($"tier {agent.Tier} < {ticket.Tier}");
        }

        if (agent.CapacityOn(ticket.Channel) is { } capacity && agent.LoadOn(ticket.Channel) >= capacity)
        {
            reasons.Add($"at {ChannelName(ticket.Channel)} capacity {agent.LoadOn(ticket.Channel)}/{capacity}");
        }

        if (agent.MaxOpenTickets is { } limit && agent.OpenTickets >= limit)
        {
            reasons.Add($"at open-ticket limit {agent.OpenTickets}/{limit}");
        }

        return new EligibilityResult(agent, needsLanguage, reasons);
    }

    /// <summary>
    /// The same rules as <see cref="Check"/> without collecting reasons: what a routing decision runs for every
    /// agent in the pool, so it allocates nothing. <see cref="Check"/> explains; this decides.
    /// </summary>
    public static bool Qualifies(TicketNeeds ticket, AgentSnapshot agent, RoutingOptions options, out bool needsLanguage)
    {
        needsLanguage = false;
        if (agent.Status != AgentStatus.Online || !agent.OnShift || agent.Tier < ticket.Tier
            || (agent.CapacityOn(ticket.Channel) is { } capacity && agent.LoadOn(ticket.Channel) >= capacity)
            || (agent.MaxOpenTickets is { } limit && agent.OpenTickets >= limit))
        {
            return false;
        }
        foreach (var skill in ticket.Skills)
        {
            if (!agent.Skills.Contains(skill, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        if (ticket.Language is { } language && !Speaks(agent, language))
        {
            needsLanguage = options.FallbackLanguage is { } fallback && Speaks(agent, fallback);
            return needsLanguage;
        }
        return true;
    }

    /// <summary>Primary subtags only: an agent listed as zh-Hans reads a ticket tagged zh or zh-Hant-TW.</summary>
    public static bool Speaks(AgentSnapshot agent, string language)
    {
        var wanted = PrimarySpan(language);
        foreach (var spoken in agent.Languages)
        {
            if (PrimarySpan(spoken).Equals(wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> PrimarySpan(string tag) => tag.AsSpan(0, tag.IndexOf('-') is var dash and >= 0 ? dash : tag.Length);

    private static string ChannelName(Channel channel) => channel.ToString().ToLowerInvariant();
}

/// <summary>English names for language tags in reasons people read ("Lithuanian", not "lt").</summary>
public static class LanguageNames
{
    public static string Of(string tag)
    {
        var primary = LanguageTag.Primary(tag);
        try
        {
            var culture = CultureInfo.GetCultureInfo(primary);
            // ICU answers unknown tags with a made-up culture; its name is no better than the tag itself.
            return culture.ThreeLetterISOLanguageName.Length == 3 && !culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal)
                ? culture.EnglishName
                : primary;
        }
        catch (CultureNotFoundException)
        {
            return primary;
        }
    }
}
