using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

/// <summary>The people of a workspace: every member can look them up, admins invite and change them.</summary>
public static class AgentApi
{
    public static RouteGroupBuilder MapAgentApi(this RouteGroupBuilder api)
    {
        var agents = api.MapGroup("/agents").WithTags("Agents").RequireAuthorization(Policies.Agent);
        agents.MapGet("/", AgentDirectory.ListAgents).WithName(nameof(AgentDirectory.ListAgents));
        agents.MapGet("/{id:guid}", GetAgent).WithName(nameof(GetAgent));
        agents.MapPost("/", InviteAgent).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(InviteAgent));
        agents.MapPatch("/{id:guid}", UpdateAgent).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(UpdateAgent));
        return agents.MapAgentActivation();
    }

    public static async Task<Results<Ok<AgentResponse>, NotFound>> GetAgent(Guid id, Caller caller, HeliodeskDb db, CancellationToken ct) =>
        await FindAsync(db, id, ct) is { } agent ? TypedResults.Ok(agent.As(caller)) : TypedResults.NotFound();

    /// <summary>
    /// Adds a person to the workspace. A new email gets a login with a temporary password, shown
    /// once; an email that already signs in elsewhere (a freelancer's) keeps its login and password.
    /// </summary>
    public static async Task<Results<Created<InvitedAgent>, ProblemHttpResult>> InviteAgent(
        InviteAgentRequest request, Caller caller, HeliodeskDb db, IPasswordHasher<User> hasher, TimeProvider time, CancellationToken ct)
    {
        if (!EmailAddress.IsValid(request.Email))
        {
            throw new DomainRuleException("email", "Enter the agent's email address, like name@example.com.");
        }
        OwnerRules.EnsureMayGrant(caller, current: null, request.Role);
        var (name, email, now) = (AgentProfile.Name(request.Name), EmailAddress.Normalize(request.Email), time.GetUtcNow());
        var (cost, currency) = (AgentProfile.HourlyCost(request.HourlyCost), Fields.Currency(request.Currency));
        AgentProfile.EnsureCostHasCurrency(cost, currency);
        var languages = AgentProfile.Languages(request.Languages ?? []);
        var skills = AgentProfile.Skills(request.Skills ?? []);
        var timeZone = Fields.TimeZone(request.TimeZone ?? "UTC");

        // Users are global (one login, many workspaces), so this lookup crosses workspaces by design.
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is not null && await db.Agents.AnyAsync(a => a.UserId == user.Id, ct))
        {
            return ConflictingWrites.Conflict($"{email} is already an agent of this workspace; reactivate or edit that agent instead.");
        }
        string? password = null;
        if (user is null)
        {
            user = new User { Email = email, Name = name, CreatedAt = now };
            password = WorkspaceProvisioning.GeneratePassword();
            user.PasswordHash = hasher.HashPassword(user, password);
            db.Users.Add(user);
        }
        var agent = new Agent
        {
            WorkspaceId = caller.WorkspaceId,
            UserId = user.Id,
            Name = name,
            Email = email,
            Role = request.Role,
            Tier = request.Tier,
            Languages = languages,
            Skills = skills,
            Region = AgentProfile.Region(request.Region),
            TimeZone = timeZone,
            HourlyCost = cost,
            Currency = currency,
            CreatedAt = now,
        };
        db.Agents.Add(agent);
        if (await db.SaveOrConflictAsync($"{email} was invited by someone else just now.", ct) is { } conflict)
        {
            return conflict;
        }
        var invited = new InvitedAgent((await FindAsync(db, agent.Id, ct))!, password);
        return TypedResults.Created($"/api/v1/agents/{agent.Id}", invited);
    }

    public static async Task<Results<Ok<AgentResponse>, NotFound>> UpdateAgent(
        Guid id, UpdateAgentRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        if (request.Role is not null)
        {
            await OwnerRules.LockAsync(db, caller.WorkspaceId, ct);
        }
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Email is { } email && EmailAddress.Normalize(email) != agent.Email)
        {
            // The email is the login of every workspace this person belongs to; one workspace's admin must not move it.
            throw new DomainRuleException("email", "An agent's email is their sign-in, shared with their other workspaces; it cannot be changed here.");
        }
        if (request.Role is { } role)
        {
            await OwnerRules.EnsureRoleChangeAllowedAsync(db, caller, agent, role, ct);
            agent.Role = role;
        }
        agent.Name = request.Name is { } name ? AgentProfile.Name(name) : agent.Name;
        agent.Tier = request.Tier ?? agent.Tier;
        agent.Languages = request.Languages is { } languages ? AgentProfile.Languages(languages) : agent.Languages;
        agent.Skills = request.Skills is { } skills ? AgentProfile.Skills(skills) : agent.Skills;
        agent.TimeZone = request.TimeZone is { } zone ? Fields.TimeZone(zone) : agent.TimeZone;
        agent.Region = request.Region.IsSet ? AgentProfile.Region(request.Region.Value) : agent.Region;
        agent.HourlyCost = request.HourlyCost.IsSet ? AgentProfile.HourlyCost(request.HourlyCost.Value) : agent.HourlyCost;
        agent.Currency = request.Currency.IsSet ? Fields.Currency(request.Currency.Value) : agent.Currency;
        AgentProfile.EnsureCostHasCurrency(agent.HourlyCost, agent.Currency);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await FindAsync(db, id, ct))!);
    }

    public static Task<AgentResponse?> FindAsync(HeliodeskDb db, Guid id, CancellationToken ct) =>
        db.Agents.AsNoTracking().Where(a => a.Id == id).Select(AgentProjection.ToResponse(db)).FirstOrDefaultAsync(ct);
}
