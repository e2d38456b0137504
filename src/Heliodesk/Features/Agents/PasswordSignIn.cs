using System.Security.Claims;
using Heliodesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

/// <summary>
/// Email and password to a browser cookie: one code path for the JSON sign-in endpoint and the sign-in
/// page, so both check the same rules and issue the same claims (with the agent's UI language and zone).
/// </summary>
public sealed class PasswordSignIn(HeliodeskDb db, IPasswordHasher<User> hasher)
{
    /// <summary>The active membership the credentials open (the oldest, or the one asked for), else null.</summary>
    public async Task<Agent?> VerifyAsync(string rawEmail, string password, Guid? workspaceId, CancellationToken ct)
    {
        var email = Common.EmailAddress.Normalize(rawEmail);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        var verdict = user?.PasswordHash is null ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            return null;
        }
        var membership = await db.Agents.IgnoreQueryFilters().Include(a => a.User)
            .Where(a => a.UserId == user.Id && a.IsActive && (workspaceId == null || a.WorkspaceId == workspaceId))
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        if (membership is not null && verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
            await db.SaveChangesAsync(ct);
        }
        return membership;
    }

    public static Task SignInAsync(HttpContext http, Agent membership)
    {
        var claims = Caller.ClaimsFor(membership.WorkspaceId, membership.Id, membership.UserId, membership.Role, membership.Name)
            .Concat(AgentPreferences.ClaimsFor(membership.User?.UiLanguage ?? AgentPreferences.DefaultLanguage, membership.TimeZone));
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
    }
}

/// <summary>
/// How the signed-in person wants the UI: language and time zone, carried as cookie claims so every
/// request (and the UI's live connection) picks the culture without a query. The cookie check that
/// already runs per request refreshes them when they change.
/// </summary>
public sealed record AgentPreferences(string UiLanguage, string TimeZone)
{
    public const string LanguageClaim = "hd:lang";
    public const string TimeZoneClaim = "hd:tz";
    public const string DefaultLanguage = "en";

    public static AgentPreferences From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(LanguageClaim) ?? DefaultLanguage, user.FindFirstValue(TimeZoneClaim) ?? "UTC");

    public static IEnumerable<Claim> ClaimsFor(string uiLanguage, string timeZone) =>
        [new(LanguageClaim, uiLanguage), new(TimeZoneClaim, timeZone)];
}
