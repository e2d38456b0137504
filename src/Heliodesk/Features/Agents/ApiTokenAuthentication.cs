using System.Security.Claims;
using System.Text.Encodings.Web;
using Heliodesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Agents;

/// <summary>`Authorization: Bearer hd_…`: one indexed lookup of the token's hash.</summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HeliodeskDb db, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromHours(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiToken.HashOf(header["Bearer ".Length..].Trim());
        var token = await db.ApiTokens.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Select(t => new
            {
                t.Id,
                t.WorkspaceId,
                t.IsInstanceAdmin,
                t.LastUsedAt,
                Agent = db.Agents.Where(a => a.Id == t.AgentId && a.IsActive)
                    .Select(a => new { a.Id, a.UserId, a.Role, a.Name }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (token is null || (!token.IsInstanceAdmin && token.Agent is null))
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked, or its agent is deactivated.");
        }

        var now = time.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = token.IsInstanceAdmin
            ? [new Claim(Caller.InstanceAdminClaim, "true"), new Claim(ClaimTypes.Name, "instance administrator")]
            : Caller.ClaimsFor(token.WorkspaceId!.Value, token.Agent!.Id, token.Agent.UserId, token.Agent.Role, token.Agent.Name);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
