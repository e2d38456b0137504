using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

public sealed record CreateApiTokenRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    [property: Description("The agent the token acts as; the caller when absent.")] Guid? AgentId = null);

public sealed record ApiTokenResponse(
    Guid Id, string Name, string Hint, Guid? AgentId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The token's secret is in this answer only: the server keeps nothing but its hash.</summary>
public sealed record CreatedApiToken(ApiTokenResponse ApiToken, string Token);

public sealed record ApiTokenPage(IReadOnlyList<ApiTokenResponse> Items, string? NextCursor);

/// <summary>
/// Bearer tokens for integrations and scripts, each acting as one agent of the workspace.
/// API tokens are not covered by the workspace query filter (instance-administrator tokens have no
/// workspace), so every query here names the caller's workspace itself.
/// </summary>
public static class ApiTokenApi
{
    public static RouteGroupBuilder MapApiTokenApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/api-tokens").WithTags("API tokens").RequireAuthorization(Policies.Admin);
        tokens.MapGet("/", ListApiTokens).WithName(nameof(ListApiTokens));
        tokens.MapPost("/", CreateApiToken).WithWriteTransaction().WithName(nameof(CreateApiToken));
        tokens.MapDelete("/{id:guid}", RevokeApiToken).WithWriteTransaction().WithName(nameof(RevokeApiToken));
        return tokens;
    }

    /// <summary>Newest first, revoked ones included so the history stays visible.</summary>
    public static async Task<Ok<ApiTokenPage>> ListApiTokens(Caller caller, HeliodeskDb db, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Cursor.Limit(limit, Limits.ListPage);
        var tokens = db.ApiTokens.AsNoTracking().Where(t => t.WorkspaceId == caller.WorkspaceId);
        var before = Cursor.Decode(cursor, 1);
        if (before.Length == 1)
        {
            var id = Guid.TryParse(before[0], out var parsed) ? parsed : throw new DomainRuleException("cursor", "This cursor is not valid here.");
            tokens = tokens.Where(t => t.Id.CompareTo(id) < 0);
        }
        var page = await tokens.OrderByDescending(t => t.Id).Take(take + 1)
            .Select(t => new ApiTokenResponse(t.Id, t.Name, t.Hint, t.AgentId, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].Id) : null;
        return TypedResults.Ok(new ApiTokenPage(page.Take(take).ToList(), next));
    }

    public static async Task<Created<CreatedApiToken>> CreateApiToken(
        CreateApiTokenRequest request, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var name = AgentProfile.Name(request.Name);
        var agentId = request.AgentId ?? caller.AgentId;
        var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId && a.IsActive).Select(a => new { a.Role }).FirstOrDefaultAsync(ct)
            ?? throw new DomainRuleException("agentId", "No active agent with this id in this workspace.");
        if (agent.Role == AgentRole.Owner && caller.Role != AgentRole.Owner)
        {
            // A token acting as an owner would let an admin do what only owners may (such as making owners).
            throw new DomainRuleException("agentId", "Only an owner can create a token that acts as an owner.");
        }
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            WorkspaceId = caller.WorkspaceId,
            AgentId = agentId,
            Name = name,
            Hash = ApiToken.HashOf(secret),
            Hint = ApiToken.HintOf(secret),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        var response = new ApiTokenResponse(token.Id, token.Name, token.Hint, token.AgentId, token.CreatedAt, null, null);
        return TypedResults.Created($"/api/v1/api-tokens/{token.Id}", new CreatedApiToken(response, secret));
    }

    /// <summary>Revokes at once: the next request with this token gets 401. Revoking twice changes nothing.</summary>
    public static async Task<Results<NoContent, NotFound>> RevokeApiToken(Guid id, Caller caller, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.WorkspaceId == caller.WorkspaceId, ct);
        if (token is null)
        {
            return TypedResults.NotFound();
        }
        token.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
