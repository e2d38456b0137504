using System.Security.Claims;
using System.Text.Encodings.Web;
using Heliodesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Agents;

/// <summary>`Authorization: Bearer hd_…`: one indexed lookup of the token's hash, reused for a few seconds.</summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HeliodeskDb db, ApiTokenCache cache, TimeProvider time)
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
        if (!cache.TryGet(hash, out var holder))
        {
            var generation = cache.Generation;
            var found = await db.ApiTokens.IgnoreQueryFilters()
                .Where(t => t.Hash == hash && t.RevokedAt == null)
                .SelectMany(t => db.Agents.Where(a => a.Id == t.AgentId && a.IsActive).DefaultIfEmpty(), (t, a) =>
                    new TokenHolder(t.Id, t.WorkspaceId, t.IsInstanceAdmin, t.LastUsedAt, a == null ? null : a.Id, a == null ? Guid.Empty : a.UserId,
                        a == null ? AgentRole.Agent : a.Role, a == null ? "" : a.Name))
                .FirstOrDefaultAsync(Context.RequestAborted);
            if (found is null || (!found.IsInstanceAdmin && found.AgentId is null))
            {
                return AuthenticateResult.Fail("The API token is unknown, revoked, or its agent is deactivated.");
            }
            holder = found;
            await RecordUseAsync(holder);
            cache.Remember(hash, holder, generation);
        }

        var claims = holder.IsInstanceAdmin
            ? [new Claim(Caller.InstanceAdminClaim, "true"), new Claim(ClaimTypes.Name, "instance administrator")]
            : Caller.ClaimsFor(holder.WorkspaceId!.Value, holder.AgentId!.Value, holder.UserId, holder.Role, holder.Name);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    // "Last used" is for spotting forgotten tokens, so an hour's precision is plenty and spares a write per call.
    private async Task RecordUseAsync(TokenHolder holder)
    {
        var now = time.GetUtcNow();
        if (holder.LastUsedAt is null || now - holder.LastUsedAt > LastUsedResolution)
        {
            await db.ApiTokens.IgnoreQueryFilters().Where(t => t.Id == holder.TokenId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }
    }
}
