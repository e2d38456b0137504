using Heliodesk.Common;
using Heliodesk.Features.Agents;
using Heliodesk.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>Admins read the embed code, list the origins allowed to embed the widget, and generate or rotate its secret.</summary>
public static class WidgetAdminApi
{
    public static RouteGroupBuilder MapWidgetAdminApi(this RouteGroupBuilder api)
    {
        var widget = api.MapGroup("/widget").RequireAuthorization(Policies.Admin).WithTags("Widget");
        widget.MapGet("/settings", GetWidgetSettings);
        widget.MapPut("/settings", UpdateWidgetSettings).WithWriteTransaction();
        widget.MapPost("/secret", RotateWidgetSecret).WithWriteTransaction();
        return api;
    }

    public static async Task<Ok<WidgetSettingsResponse>> GetWidgetSettings(
        Caller caller, WidgetSecrets secrets, HttpRequest request, IOptions<HeliodeskOptions> options, CancellationToken ct) =>
        TypedResults.Ok(Describe(await secrets.SettingsAsync(ct), caller, request, options.Value));

    public static async Task<Ok<WidgetSettingsResponse>> UpdateWidgetSettings(
        UpdateWidgetSettingsRequest body, Caller caller, WidgetSecrets secrets, HttpRequest request, IOptions<HeliodeskOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var settings = await secrets.SettingsAsync(ct);
        settings.AllowedOrigins = [.. body.AllowedOrigins.Select((o, i) => WidgetOrigins.Normalize(o, $"allowedOrigins[{i}]")).Distinct()];
        settings.UpdatedAt = time.GetUtcNow();
        return TypedResults.Ok(Describe(settings, caller, request, options.Value));
    }

    /// <summary>Shown once: only its encrypted form is kept. The old secret stops verifying at once.</summary>
    public static async Task<Ok<WidgetSecretResponse>> RotateWidgetSecret(Caller caller, WidgetSecrets secrets, TimeProvider time, CancellationToken ct)
    {
        var secret = await secrets.RotateAsync(ct);
        return TypedResults.Ok(new WidgetSecretResponse(secret, time.GetUtcNow()));
    }

    private static WidgetSettingsResponse Describe(WidgetSettings settings, Caller caller, HttpRequest request, HeliodeskOptions options)
    {
        var host = options.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        return new WidgetSettingsResponse(settings.AllowedOrigins, settings.ProtectedSecret is not null, settings.SecretCreatedAt,
            $"<script src=\"{host}/widget.js\" data-workspace=\"{caller.WorkspaceId}\" async></script>");
    }
}
