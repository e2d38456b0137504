using System.Security.Claims;
using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Heliodesk.Features.Agents;

public static class Policies
{
    /// <summary>Any member of the workspace, contractors included.</summary>
    public const string Agent = "agent";

    /// <summary>Employees: everyone but contractors, who see only the work they were given.</summary>
    public const string Staff = "staff";
    public const string Lead = "lead";
    public const string Admin = "admin";
    public const string InstanceAdmin = "instance-admin";
}

/// <summary>
/// Bearer tokens for the API, a cookie for people in the browser; whichever the request carries.
/// Roles become policies; the caller's workspace becomes the scope every query is filtered by.
/// </summary>
public static class AuthSetup
{
    private const string Smart = "Heliodesk";

    public static IHostApplicationBuilder AddHeliodeskAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        builder.Services.AddScoped<PasswordSignIn>();
        builder.Services.AddSingleton<ApiTokenCache>();
        builder.Services.AddSingleton<ApiTokenCacheInvalidation>();
        builder.Services.AddSingleton<ISaveParticipant>(sp => sp.GetRequiredService<ApiTokenCacheInvalidation>());
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ApiTokenCacheInvalidation>());
        builder.Services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? ApiTokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "heliodesk";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // People in the browser are sent to the sign-in page; API clients get a plain status.
                o.LoginPath = "/sign-in";
                o.AccessDeniedPath = "/sign-in";
                o.Events.OnRedirectToLogin = c => IsApi(c.Request) ? Status(c, StatusCodes.Status401Unauthorized) : Redirect(c);
                o.Events.OnRedirectToAccessDenied = c => IsApi(c.Request) ? Status(c, StatusCodes.Status403Forbidden) : Redirect(c);
                o.Events.OnValidatePrincipal = RejectDeactivatedAgents;
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Agent, p => p.RequireClaim(Caller.WorkspaceClaim))
            .AddPolicy(Policies.Staff, p => p.RequireClaim(Caller.WorkspaceClaim)
                .RequireRole(nameof(AgentRole.Owner), nameof(AgentRole.Admin), nameof(AgentRole.Lead), nameof(AgentRole.Agent)))
            .AddPolicy(Policies.Lead, p => p.RequireClaim(Caller.WorkspaceClaim)
                .RequireRole(nameof(AgentRole.Owner), nameof(AgentRole.Admin), nameof(AgentRole.Lead)))
            .AddPolicy(Policies.Admin, p => p.RequireClaim(Caller.WorkspaceClaim)
                .RequireRole(nameof(AgentRole.Owner), nameof(AgentRole.Admin)))
            .AddPolicy(Policies.InstanceAdmin, p => p.RequireClaim(Caller.InstanceAdminClaim, "true"));
        return builder;
    }

    /// <summary>After authentication: enter the caller's workspace so every query is scoped to it.</summary>
    public static IApplicationBuilder UseWorkspaceScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (Guid.TryParse(context.User.FindFirstValue(Caller.WorkspaceClaim), out var workspaceId))
            {
                context.RequestServices.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
            }
            await next(context);
        });

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    // A cookie outlives a deactivation or a role change; re-read the membership on each request.
    private static async Task RejectDeactivatedAgents(CookieValidatePrincipalContext context)
    {
        var caller = context.Principal is null ? null : Caller.From(context.Principal);
        var db = context.HttpContext.RequestServices.GetRequiredService<HeliodeskDb>();
        var agent = caller is null ? null : await db.Agents.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == caller.AgentId && a.WorkspaceId == caller.WorkspaceId && a.IsActive)
            .Select(a => new { a.Role, a.Name, a.TimeZone, a.User!.UiLanguage }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (agent is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else
        {
            var identity = (ClaimsIdentity)context.Principal!.Identity!;
            var renew = Refresh(identity, ClaimTypes.Role, agent.Role.ToString())
                | Refresh(identity, AgentPreferences.LanguageClaim, agent.UiLanguage)
                | Refresh(identity, AgentPreferences.TimeZoneClaim, agent.TimeZone);
            context.ShouldRenew |= renew;
        }
    }

    private static bool Refresh(ClaimsIdentity identity, string type, string value)
    {
        var current = identity.FindFirst(type);
        if (current?.Value == value)
        {
            return false;
        }
        if (current is not null)
        {
            identity.RemoveClaim(current);
        }
        identity.AddClaim(new Claim(type, value));
        return true;
    }
}
