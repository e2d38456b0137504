using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

public sealed record CreateTeamRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    [property: MaxLength(TeamApi.DescriptionLength)] string? Description = null);

/// <summary>Only the fields present change; description may be null to clear it (a property for the reason on UpdateAgentRequest).</summary>
public sealed record UpdateTeamRequest([property: MinLength(1), MaxLength(Limits.Name)] string? Name = null)
{
    public Optional<string?> Description { get; init; }
}

public sealed record SetTeamMembersRequest([property: Required, MaxLength(TeamApi.MaxMembers)] List<Guid> AgentIds);

public sealed record TeamSummary(Guid Id, string Name, string? Description, int MemberCount, DateTimeOffset CreatedAt);

public sealed record TeamResponse(Guid Id, string Name, string? Description, int MemberCount, IReadOnlyList<Guid> AgentIds, DateTimeOffset CreatedAt);

public sealed record TeamPage(IReadOnlyList<TeamSummary> Items, string? NextCursor);

/// <summary>Teams own queues of tickets; admins shape them, leads decide who is on them.</summary>
public static class TeamApi
{
    public const int DescriptionLength = 2000; // the column's size in TeamConfiguration
    public const int MaxMembers = 1000;

    public static RouteGroupBuilder MapTeamApi(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/teams").WithTags("Teams").RequireAuthorization(Policies.Agent);
        teams.MapGet("/", ListTeams).WithName(nameof(ListTeams));
        teams.MapGet("/{id:guid}", GetTeam).WithName(nameof(GetTeam));
        teams.MapPost("/", CreateTeam).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(CreateTeam));
        teams.MapPatch("/{id:guid}", UpdateTeam).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(UpdateTeam));
        teams.MapDelete("/{id:guid}", DeleteTeam).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeleteTeam));
        teams.MapPut("/{id:guid}/members", SetTeamMembers).RequireAuthorization(Policies.Lead).WithWriteTransaction().WithName(nameof(SetTeamMembers));
        return teams;
    }

    public static async Task<Ok<TeamPage>> ListTeams(HeliodeskDb db, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit, Limits.ListPage);
        var teams = db.Teams.AsNoTracking();
        if (NameCursor.Decode(cursor) is var (name, id))
        {
            teams = teams.Where(t => string.Compare(t.Name, name) > 0 || (t.Name == name && t.Id.CompareTo(id) > 0));
        }
        var page = await teams.OrderBy(t => t.Name).ThenBy(t => t.Id).Take(take + 1)
            .Select(t => new TeamSummary(t.Id, t.Name, t.Description, db.TeamMembers.Count(m => m.TeamId == t.Id), t.CreatedAt))
            .ToListAsync(ct);
        var next = page.Count > take ? NameCursor.Encode(page[take - 1].Name, page[take - 1].Id) : null;
        return TypedResults.Ok(new TeamPage(page.Take(take).ToList(), next));
    }

    public static async Task<Results<Ok<TeamResponse>, NotFound>> GetTeam(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } team ? TypedResults.Ok(team) : TypedResults.NotFound();

    public static async Task<Results<Created<TeamResponse>, ProblemHttpResult>> CreateTeam(
        CreateTeamRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var name = AgentProfile.Name(request.Name);
        if (await NameTakenAsync(db, name, exceptId: null, ct))
        {
            return NameConflict(name);
        }
        var team = new Team { WorkspaceId = caller.WorkspaceId, Name = name, Description = Description(request.Description), CreatedAt = time.GetUtcNow() };
        db.Teams.Add(team);
        if (await db.SaveOrConflictAsync($"A team named '{name}' was created by someone else just now.", ct) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"/api/v1/teams/{team.Id}", new TeamResponse(team.Id, team.Name, team.Description, 0, [], team.CreatedAt));
    }

    public static async Task<Results<Ok<TeamResponse>, NotFound, ProblemHttpResult>> UpdateTeam(
        Guid id, UpdateTeamRequest request, HeliodeskDb db, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Name is { } rawName)
        {
            var name = AgentProfile.Name(rawName);
            if (await NameTakenAsync(db, name, exceptId: id, ct))
            {
                return NameConflict(name);
            }
            team.Name = name;
        }
        team.Description = request.Description.IsSet ? Description(request.Description.Value) : team.Description;
        if (await db.SaveOrConflictAsync($"Another team took the name '{team.Name}' just now.", ct) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok((await FindAsync(db, id, ct))!);
    }

    /// <summary>The team's tickets stay, without a team (the database sets their team to null); memberships go.</summary>
    /// <summary>
    /// Deletes a team once no ticket that can still change belongs to it: work is moved first, with
    /// the events that records. Closed tickets are frozen history; their team stays in their event trail.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteTeam(Guid id, HeliodeskDb db, TicketCounts tickets, CancellationToken ct)
    {
        var open = await tickets.NotClosedInTeamAsync(id, ct);
        if (open > 0)
        {
            return ConflictingWrites.Conflict($"{open} ticket(s) that are not closed still belong to this team. Move them to another team first.");
        }
        return await db.Teams.Where(t => t.Id == id).ExecuteDeleteAsync(ct) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }

    /// <summary>Replaces the member list with exactly these agents.</summary>
    public static async Task<Results<Ok<TeamResponse>, NotFound>> SetTeamMembers(
        Guid id, SetTeamMembersRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Teams.AnyAsync(t => t.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var wanted = request.AgentIds.Distinct().ToList();
        var known = await db.Agents.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        if (wanted.Except(known).ToList() is [var unknown, ..])
        {
            throw new DomainRuleException("agentIds", $"{unknown} is not an agent of this workspace.");
        }
        var current = await db.TeamMembers.Where(m => m.TeamId == id).ToListAsync(ct);
        db.TeamMembers.RemoveRange(current.Where(m => !wanted.Contains(m.AgentId)));
        db.TeamMembers.AddRange(wanted.Except(current.Select(m => m.AgentId))
            .Select(agentId => new TeamMember { WorkspaceId = caller.WorkspaceId, TeamId = id, AgentId = agentId }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await FindAsync(db, id, ct))!);
    }

    private static Task<TeamResponse?> FindAsync(HeliodeskDb db, Guid id, CancellationToken ct) =>
        db.Teams.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TeamResponse(t.Id, t.Name, t.Description, db.TeamMembers.Count(m => m.TeamId == t.Id),
                db.TeamMembers.Where(m => m.TeamId == t.Id).Select(m => m.AgentId).OrderBy(a => a).ToList(), t.CreatedAt))
            .FirstOrDefaultAsync(ct);

    // Names differing only in case would look like duplicates in every team picker.
    private static Task<bool> NameTakenAsync(HeliodeskDb db, string name, Guid? exceptId, CancellationToken ct)
    {
        var lowered = name.ToLowerInvariant();
        return db.Teams.AnyAsync(t => t.Name.ToLower() == lowered && t.Id != exceptId, ct);
    }

    private static ProblemHttpResult NameConflict(string name) => ConflictingWrites.Conflict($"A team named '{name}' already exists.");

    private static string? Description(string? raw) => raw?.Trim() switch
    {
        null or "" => null,
        { Length: > DescriptionLength } => throw new DomainRuleException("description", $"Use at most {DescriptionLength} characters."),
        var description => description,
    };
}
