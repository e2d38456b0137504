using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Heliodesk.Features.HelpCenter;

/// <summary>A signed-in customer of one workspace's help center.</summary>
public sealed record CustomerIdentity(Guid WorkspaceId, Guid ContactId);

/// <summary>
/// Customers have a cookie of their own ("Customer" scheme, path /help), separate from the agents'
/// cookie: an agent's session never reads as a customer's and a customer's never reaches the API.
/// </summary>
public static class CustomerSession
{
    public const string Scheme = "Customer";
    private const string ContactClaim = "hc_contact";
    private const string WorkspaceClaim = "hc_workspace";

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "heliodesk-customer";
        o.Cookie.Path = "/help";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromDays(7);
        o.SlidingExpiration = true;
    }

    /// <summary>The customer signed in to this site's workspace, or null (a session of another workspace counts as none).</summary>
    public static async Task<CustomerIdentity?> ReadAsync(HttpContext http, Guid workspaceId)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var principal = result.Succeeded ? result.Principal : null;
        return Guid.TryParse(principal?.FindFirstValue(WorkspaceClaim), out var ws) && ws == workspaceId
            && Guid.TryParse(principal!.FindFirstValue(ContactClaim), out var contact)
            ? new CustomerIdentity(ws, contact)
            : null;
    }

    public static Task SignInAsync(HttpContext http, CustomerIdentity customer)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ContactClaim, customer.ContactId.ToString()), new Claim(WorkspaceClaim, customer.WorkspaceId.ToString())], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);
}
