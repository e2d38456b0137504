using System.Threading.RateLimiting;
using Heliodesk.Components.Localization;
using Heliodesk.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.HelpCenter;

/// <summary>
/// The customer-facing help center at /help/{slug}: static server-rendered pages (Pages/), a
/// customer cookie of its own, per-address limits on its forms, and the few plain endpoints behind them.
/// </summary>
public static class HelpCenterFeature
{
    /// <summary>Requests and replies: a person sends a handful an hour; a bot sends thousands.</summary>
    public const string FormsLimit = "help-center-forms";

    /// <summary>Sign-in links: each one mails somebody, so fewer still.</summary>
    public const string LinksLimit = "help-center-links";

    public static IHostApplicationBuilder AddHelpCenter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<HelpCenterSites>();
        builder.Services.AddScoped<CustomerLinks>();
        builder.Services.AddScoped<HelpCenterRequests>();
        builder.Services.AddSingleton<HelpCenterWork>();
        builder.Services.AddAuthentication().AddCookie(CustomerSession.Scheme, CustomerSession.Configure);
        builder.Services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(FormsLimit, context => PostsPerAddress(context, 10, TimeSpan.FromMinutes(10)));
            o.AddPolicy(LinksLimit, context => PostsPerAddress(context, 5, TimeSpan.FromMinutes(15)));
        });
        return builder;
    }

    /// <summary>
    /// Help-center forms carry files: their posts may exceed the 1 MB JSON limit, up to the files a
    /// message may carry at the configured attachment size (the pages check each file again).
    /// </summary>
    public static WebApplication UseHelpCenter(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/help")
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxFormBytes(context.RequestServices.GetRequiredService<IOptions<HeliodeskOptions>>().Value);
            }
            return next(context);
        });
        return app;
    }

    public static long MaxFormBytes(HeliodeskOptions options) => (HelpCenterLimits.FilesPerMessage * options.MaxAttachmentBytes) + Limits.JsonBodyBytes;

    public static IEndpointRouteBuilder MapHelpCenterEndpoints(this IEndpointRouteBuilder app)
    {
        var help = app.MapGroup("/help/{slug}").ExcludeFromDescription();
        help.MapPost("/sign-out", SignOutCustomer).WithMetadata(new RequireAntiforgeryTokenAttribute());
        help.MapPost("/language", ChooseLanguage);
        help.MapGet("/files/{id:guid}", DownloadFile);
        return app;
    }

    public static RouteGroupBuilder MapHelpCenterApi(this RouteGroupBuilder api) => api.MapHelpCenterSettingsApi();

    private static async Task<IResult> SignOutCustomer(string slug, HttpContext http)
    {
        await CustomerSession.SignOutAsync(http);
        return TypedResults.LocalRedirect($"/help/{Uri.EscapeDataString(slug)}?signedOut=true");
    }

    /// <summary>The language switcher: remembered in the standard culture cookie, then back to the page.</summary>
    private static IResult ChooseLanguage(string slug, [FromForm] string? language, [FromForm] string? returnUrl, HttpContext http)
    {
        if (language is not null && UiCultures.IsTranslated(language))
        {
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        }
        var back = returnUrl is { Length: > 0 } && returnUrl.StartsWith($"/help/{slug}", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal)
            ? returnUrl
            : $"/help/{Uri.EscapeDataString(slug)}";
        return TypedResults.LocalRedirect(back);
    }

    private static async Task<IResult> DownloadFile(string slug, Guid id, HttpContext http, HelpCenterWork work, IOptions<HeliodeskOptions> options, CancellationToken ct)
    {
        var site = await work.SiteAsync(slug, ct);
        var customer = site is null ? null : await CustomerSession.ReadAsync(http, site.WorkspaceId);
        var file = customer is null ? null : await work.ReadAsync(site!.WorkspaceId, s => s.GetRequiredService<HelpCenterRequests>().FileAsync(customer, id, ct));
        var path = file is null ? null : options.Value.DataPath(file.StoragePath);
        if (path is null || !File.Exists(path))
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return TypedResults.File(File.OpenRead(path), file!.ContentType, file.FileName);
    }

    private static RateLimitPartition<string> PostsPerAddress(HttpContext context, int permits, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read");
}
