using System.ComponentModel;
using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

public sealed record AgentQuery(
    [property: Description("Comma-separated roles: owner, admin, lead, agent, contractor.")] string? Role = null,
    [property: Description("true (default): active agents; false: deactivated ones; all: both.")] string? Active = null,
    [property: Description("A language tag; matches agents speaking its primary language (es matches es-MX).")] string? Language = null,
    string? Skill = null,
    [property: Description("Matched without regard to case.")] string? Region = null,
    [property: Description("A team id: its members only.")] string? TeamId = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>The agent directory: who can take which work, sorted by name and keyset-paginated.</summary>
public static class AgentDirectory
{
    public static async Task<Ok<AgentPage>> ListAgents([AsParameters] AgentQuery query, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var limit = Cursor.Limit(query.Limit, Limits.ListPage);
        var agents = Filter(db.Agents.AsNoTracking(), query, db);
        if (NameCursor.Decode(query.Cursor) is var (name, id))
        {
            agents = agents.Where(a => string.Compare(a.Name, name) > 0 || (a.Name == name && a.Id.CompareTo(id) > 0));
        }
        var page = await agents.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(limit + 1)
            .Select(AgentProjection.ToResponse(db)).ToListAsync(ct);
        var next = page.Count > limit ? NameCursor.Encode(page[limit - 1].Name, page[limit - 1].Id) : null;
        return TypedResults.Ok(new AgentPage(page.Take(limit).Select(a => a.As(caller)).ToList(), next));
    }

    private static IQueryable<Agent> Filter(IQueryable<Agent> q, AgentQuery query, HeliodeskDb db)
    {
        q = query.Active?.ToLowerInvariant() switch
        {
            null or "true" => q.Where(a => a.IsActive),
            "false" => q.Where(a => !a.IsActive),
            "all" => q,
            _ => throw new DomainRuleException("active", "Use true, false or all."),
        };
        if (query.Role is { } rawRoles)
        {
            var roles = Fields.Enums<AgentRole>(rawRoles, "role");
            q = q.Where(a => roles.Contains(a.Role));
        }
        if (query.Language is { } rawLanguage)
        {
            var language = Fields.Language(rawLanguage);
            var (primary, variants) = (LanguageTag.Primary(language), LanguageTag.Primary(language) + "-");
            q = q.Where(a => a.Languages.Any(l => l == primary || l.StartsWith(variants)));
        }
        if (query.Skill is { } rawSkill)
        {
            var skill = AgentProfile.NormalizeSkill(rawSkill) ?? throw new DomainRuleException("skill", "Use a skill slug such as billing or api-errors.");
            q = q.Where(a => a.Skills.Contains(skill));
        }
        if (query.Region is { } rawRegion)
        {
            var region = rawRegion.Trim().ToLowerInvariant();
            q = q.Where(a => a.Region != null && a.Region.ToLower() == region);
        }
        if (query.TeamId is { } rawTeam)
        {
            var teamId = Fields.Id(rawTeam, "teamId", "Use a team id.");
            q = q.Where(a => db.TeamMembers.Any(m => m.TeamId == teamId && m.AgentId == a.Id));
        }
        return q;
    }

}
