using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>
/// Which tickets a caller may see. The workspace filter already applies; on top of it contractors
/// (freelancers hired for a queue) see only tickets assigned to them or to one of their teams.
/// </summary>
public static class TicketAccess
{
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, HeliodeskDb db, Caller caller) =>
        caller.Role != AgentRole.Contractor
            ? tickets
            : tickets.Where(t => t.AssigneeId == caller.AgentId
                || db.TeamMembers.Any(m => m.AgentId == caller.AgentId && m.TeamId == t.TeamId));

    public static Task<Ticket?> FindVisibleAsync(this HeliodeskDb db, Guid id, Caller caller, CancellationToken ct) =>
        db.Tickets.VisibleTo(db, caller).Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>Checks that a referenced agent and team exist in this workspace (and the agent is active).</summary>
    public static async Task EnsureReferencesAsync(this HeliodeskDb db, Guid? assigneeId, Guid? teamId, CancellationToken ct)
    {
        if (assigneeId is { } agent && !await db.Agents.AnyAsync(a => a.Id == agent && a.IsActive, ct))
        {
            throw new DomainRuleException("assigneeId", "No active agent with this id in this workspace.");
        }
        if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct))
        {
            throw new DomainRuleException("teamId", "No team with this id in this workspace.");
        }
    }

    public static List<string> NormalizeTags(IEnumerable<string> raw, string field = "tags")
    {
        var tags = new List<string>();
        foreach (var tag in raw)
        {
            var normalized = TicketTag.Normalize(tag) ?? throw new DomainRuleException(field,
                $"'{tag}' is not a valid tag: use letters, digits, '-', '_', ':' or '.', up to {Limits.Tag} characters.");
            if (!tags.Contains(normalized))
            {
                tags.Add(normalized);
            }
        }
        return tags.Count <= Limits.TagsPerTicket ? tags
            : throw new DomainRuleException(field, $"A ticket can carry at most {Limits.TagsPerTicket} tags.");
    }
}
