using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// Which pages may use a workspace's widget. Every widget endpoint runs this check (and the CORS preflight
/// answers from it): the workspace must exist, and when it lists allowed origins, the request's Origin must be
/// one of them. Allowed requests get the CORS headers naming exactly that origin, never "*".
/// </summary>
public static class WidgetOrigins
{
    public const string TokenHeader = "X-Widget-Token";

    /// <summary>"https://shop.example.com" from whatever an admin typed: scheme, host and port only, lowercase.</summary>
    public static string Normalize(string raw, string field = "allowedOrigins")
    {
        if (!Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new DomainRuleException(field, $"'{raw}' is not an origin; use the scheme and host of the page, such as https://app.example.com.");
        }
        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}";
    }

    /// <summary>Null when allowed (after entering the workspace); otherwise the result to answer with.</summary>
    public static async Task<IResult?> AdmitAsync(HttpContext http)
    {
        if (!Guid.TryParse(http.GetRouteValue("workspaceId")?.ToString() ?? WorkspaceFromPath(http.Request.Path), out var workspaceId))
        {
            return TypedResults.NotFound();
        }
        var services = http.RequestServices;
        var db = services.GetRequiredService<HeliodeskDb>();
        var scope = services.GetRequiredService<WorkspaceScope>();
        if ((scope.WorkspaceId != Guid.Empty && scope.WorkspaceId != workspaceId) || !await db.Workspaces.AnyAsync(w => w.Id == workspaceId, http.RequestAborted))
        {
            return TypedResults.NotFound();
        }
        scope.Enter(workspaceId);
        var allowed = await db.Set<WidgetSettings>().AsNoTracking().Select(s => s.AllowedOrigins).FirstOrDefaultAsync(http.RequestAborted) ?? [];
        string? origin = http.Request.Headers.Origin;
        if (allowed.Count > 0 && (origin is null || !allowed.Contains(origin.ToLowerInvariant())))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This page may not use the widget.",
                detail: "Add the page's origin to the workspace's allowed widget origins (PUT /api/v1/widget/settings).");
        }
        if (origin is not null)
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }
        return null;
    }

    /// <summary>Runs <see cref="AdmitAsync"/> before every endpoint of the widget group.</summary>
    public sealed class Filter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
            await AdmitAsync(context.HttpContext) ?? await next(context);
    }

    /// <summary>Answers CORS preflights for widget endpoints before routing picks an endpoint (none takes OPTIONS).</summary>
    public static IApplicationBuilder UseWidgetPreflight(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!HttpMethods.IsOptions(http.Request.Method) || !http.Request.Path.StartsWithSegments(WidgetFeature.PublicPrefix, StringComparison.Ordinal))
            {
                await next(http);
                return;
            }
            if (await AdmitAsync(http) is { } refused)
            {
                await refused.ExecuteAsync(http);
                return;
            }
            http.Response.Headers.AccessControlAllowMethods = "GET, POST";
            http.Response.Headers.AccessControlAllowHeaders = $"Content-Type, {TokenHeader}";
            http.Response.Headers.AccessControlMaxAge = "600";
            http.Response.StatusCode = StatusCodes.Status204NoContent;
        });

    private static string? WorkspaceFromPath(PathString path) =>
        path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 3 } segments ? segments[2] : null;
}
