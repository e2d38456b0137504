using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Agents;

public sealed record SignInRequest(
    [property: Required, MaxLength(Limits.Email)] string Email,
    [property: Required, MaxLength(256)] string Password,
    Guid? WorkspaceId = null);

public sealed record ChangePasswordRequest(
    [property: Required, MaxLength(256)] string CurrentPassword,
    [property: Required, MinLength(10), MaxLength(256)] string NewPassword);

public sealed record UpdateMeRequest(
    [property: MaxLength(Limits.Language)] string? UiLanguage = null,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone = null);

public sealed record MembershipSummary(Guid WorkspaceId, string WorkspaceName, Guid AgentId, AgentRole Role);

public sealed record MeResponse(Guid AgentId, Guid UserId, Guid WorkspaceId, string Name, string Email, AgentRole Role,
    string UiLanguage, string TimeZone, IReadOnlyList<MembershipSummary> Memberships);

/// <summary>People sign in with email and password and get a cookie for the browser.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).WithName(nameof(SignIn));
        auth.MapPost("/sign-out", (Delegate)SignOut).AllowAnonymous().WithName(nameof(SignOut));

        var me = api.MapGroup("/me").WithTags("Auth").RequireAuthorization(Policies.Agent);
        me.MapGet("/", GetMe).WithName(nameof(GetMe));
        me.MapPatch("/", UpdateMe).WithWriteTransaction().WithName(nameof(UpdateMe));
        me.MapPost("/password", ChangePassword).WithWriteTransaction().WithName(nameof(ChangePassword));
        me.MapPut("/status", SetMyStatus).WithWriteTransaction().WithName(nameof(SetMyStatus));
        return api;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignIn(
        SignInRequest request, HeliodeskDb db, PasswordSignIn signIn, HttpContext http, CancellationToken ct)
    {
        var membership = await signIn.VerifyAsync(request.Email, request.Password, request.WorkspaceId, ct);
        if (membership is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The email or password is incorrect, or the account has no active workspace.");
        }
        await PasswordSignIn.SignInAsync(http, membership);
        return TypedResults.Ok(await DescribeAsync(db, membership.Id, ct));
    }

    public static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<MeResponse>> GetMe(Caller caller, HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok(await DescribeAsync(db, caller.AgentId, ct));

    public static async Task<Ok<MeResponse>> UpdateMe(UpdateMeRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        await UpdatePreferencesAsync(db, caller.AgentId, request.UiLanguage, request.TimeZone, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeAsync(db, caller.AgentId, ct));
    }

    /// <summary>The agent's own UI language and time zone (the API's PATCH /me and the settings page).</summary>
    public static async Task UpdatePreferencesAsync(HeliodeskDb db, Guid agentId, string? uiLanguage, string? timeZone, CancellationToken ct)
    {
        var agent = await db.Agents.Include(a => a.User).SingleAsync(a => a.Id == agentId, ct);
        if (timeZone is { } zone)
        {
            agent.TimeZone = Fields.TimeZone(zone);
        }
        if (uiLanguage is { } language)
        {
            agent.User!.UiLanguage = Fields.Language(language, "uiLanguage");
        }
    }

    public static async Task<Results<NoContent, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, Caller caller, HeliodeskDb db, IPasswordHasher<User> hasher, CancellationToken ct)
    {
        if (!await ChangePasswordAsync(db, hasher, caller.AgentId, request.CurrentPassword, request.NewPassword, ct))
        {
            return TypedResults.ValidationProblem(ProblemHandling.Field("currentPassword", "The current password is incorrect."));
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>False when the current password is wrong; the caller saves.</summary>
    public static async Task<bool> ChangePasswordAsync(HeliodeskDb db, IPasswordHasher<User> hasher, Guid agentId, string current, string next, CancellationToken ct)
    {
        if (next.Length is < 10 or > 256)
        {
            throw new DomainRuleException("newPassword", "Use a password of 10 to 256 characters.");
        }
        var agent = await db.Agents.Include(a => a.User).SingleAsync(a => a.Id == agentId, ct);
        var user = agent.User!;
        if (user.PasswordHash is null || hasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            return false;
        }
        user.PasswordHash = hasher.HashPassword(user, next);
        return true;
    }

    /// <summary>Agents say whether they can take work now, so routing can hand new work to those who are online.</summary>
    public static async Task<Ok<AgentResponse>> SetMyStatus(SetStatusRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var agent = await db.Agents.SingleAsync(a => a.Id == caller.AgentId, ct);
        agent.Status = request.Status!.Value;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await AgentApi.FindAsync(db, agent.Id, ct))!);
    }

    private static async Task<MeResponse> DescribeAsync(HeliodeskDb db, Guid agentId, CancellationToken ct)
    {
        var agent = await db.Agents.IgnoreQueryFilters().AsNoTracking().Include(a => a.User).SingleAsync(a => a.Id == agentId, ct);
        var memberships = await db.Agents.IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == agent.UserId && a.IsActive)
            .Join(db.Workspaces, a => a.WorkspaceId, w => w.Id, (a, w) => new MembershipSummary(w.Id, w.Name, a.Id, a.Role))
            .ToListAsync(ct);
        return new MeResponse(agent.Id, agent.UserId, agent.WorkspaceId, agent.Name, agent.Email, agent.Role,
            agent.User!.UiLanguage, agent.TimeZone, memberships);
    }
}
