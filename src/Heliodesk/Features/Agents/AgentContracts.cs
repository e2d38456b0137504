using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Heliodesk.Common;
using Heliodesk.Data;

namespace Heliodesk.Features.Agents;

public sealed record InviteAgentRequest(
    [property: Required, MaxLength(Limits.Email)] string Email,
    [property: Required, MaxLength(Limits.Name)] string Name,
    AgentRole Role = AgentRole.Agent,
    [property: Range(1, 3)] int Tier = 1,
    [property: MaxLength(AgentProfile.MaxLanguages)] List<string>? Languages = null,
    [property: MaxLength(AgentProfile.MaxSkills)] List<string>? Skills = null,
    [property: MaxLength(Limits.ShortText)] string? Region = null,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone = null,
    decimal? HourlyCost = null,
    [property: MaxLength(Limits.Currency)] string? Currency = null);

/// <summary>
/// Only the fields present change; region, hourlyCost and currency may be null to clear them.
/// The Optional fields are properties, not constructor parameters: a parameter default of
/// Optional would be written into the OpenAPI schema, which System.Text.Json cannot do.
/// </summary>
public sealed record UpdateAgentRequest(
    [property: MaxLength(Limits.Email)] string? Email = null,
    [property: MinLength(1), MaxLength(Limits.Name)] string? Name = null,
    AgentRole? Role = null,
    [property: Range(1, 3)] int? Tier = null,
    [property: MaxLength(AgentProfile.MaxLanguages)] List<string>? Languages = null,
    [property: MaxLength(AgentProfile.MaxSkills)] List<string>? Skills = null,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone = null)
{
    public Optional<string?> Region { get; init; }
    public Optional<decimal?> HourlyCost { get; init; }
    public Optional<string?> Currency { get; init; }
}

public sealed record SetStatusRequest([property: Required] AgentStatus? Status);

public sealed record AgentResponse(
    Guid Id, Guid UserId, string Name, string Email, AgentRole Role, int Tier, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills, string? Region, string TimeZone, decimal? HourlyCost, string? Currency,
    AgentStatus Status, bool IsActive, IReadOnlyList<Guid> TeamIds, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);

/// <summary>The new agent, and the password of a newly created login: shown this once, never stored in clear.</summary>
public sealed record InvitedAgent(AgentResponse Agent, string? TemporaryPassword);

public sealed record AgentPage(IReadOnlyList<AgentResponse> Items, string? NextCursor);

public static class AgentProjection
{
    /// <summary>One SQL query for a page of agents with their team ids.</summary>
    public static Expression<Func<Agent, AgentResponse>> ToResponse(HeliodeskDb db) => a => new AgentResponse(
        a.Id, a.UserId, a.Name, a.Email, a.Role, a.Tier, a.Languages, a.Skills, a.Region, a.TimeZone, a.HourlyCost, a.Currency,
        a.Status, a.IsActive, db.TeamMembers.Where(m => m.AgentId == a.Id).Select(m => m.TeamId).OrderBy(t => t).ToList(),
        a.CreatedAt, a.DeactivatedAt);

    /// <summary>Pay rates are between the agent and the admins: colleagues and other freelancers do not see them.</summary>
    public static AgentResponse As(this AgentResponse agent, Caller viewer) =>
        viewer.IsAdmin || viewer.AgentId == agent.Id ? agent : agent with { HourlyCost = null, Currency = null };
}
