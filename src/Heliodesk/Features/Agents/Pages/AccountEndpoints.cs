using Heliodesk.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Heliodesk.Features.Agents.Pages;

/// <summary>
/// The browser's sign-in and sign-out: plain form posts (antiforgery-checked, sign-in rate-limited like
/// the JSON endpoint) that set or clear the cookie and redirect, so they work without any script.
/// </summary>
public static class AccountEndpoints
{
    public const string SignInPath = "/account/sign-in";
    public const string SignOutPath = "/account/sign-out";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Form-bound endpoints check the antiforgery token; sign-out binds no field, so it asks explicitly.
        app.MapPost(SignInPath, SignInWithForm).RequireRateLimiting(RateLimits.SignIn).ExcludeFromDescription();
        app.MapPost(SignOutPath, (Delegate)SignOutWithForm).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignInWithForm(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl,
        PasswordSignIn signIn, HttpContext http, CancellationToken ct)
    {
        var membership = string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password) || password.Length > 256 || email.Length > Limits.Email
            ? null
            : await signIn.VerifyAsync(email, password, null, ct);
        if (membership is null)
        {
            return TypedResults.LocalRedirect($"/sign-in?failed=true&returnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
        }
        await PasswordSignIn.SignInAsync(http, membership);
        return TypedResults.LocalRedirect(SafeReturn(returnUrl));
    }

    private static async Task<IResult> SignOutWithForm(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect("/sign-in?signedOut=true");
    }

    /// <summary>Only paths on this site: an open redirect would let a phishing link borrow our sign-in page.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 2000 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith("/account/", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
