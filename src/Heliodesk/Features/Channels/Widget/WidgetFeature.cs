using System.Threading.RateLimiting;
using Heliodesk.Common;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.RateLimiting;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// The in-app widget: the script at /widget.js, the visitor endpoints under /widget/v1/{workspaceId} (contact
/// form, callback request, live chat with a server-sent event stream), the admin API for its origins and
/// secret, and the agent-side view of a visitor's typing and read state. See docs/widget.md.
/// </summary>
public static class WidgetFeature
{
    public const string PublicPrefix = "/widget/v1";
    public const string StartsLimit = "widget-starts";
    public const string ChatLimit = "widget-chat";
    public const int FilesPerMessage = 3;
    public const long MaxMessageBodyBytes = (FilesPerMessage * WidgetLimits.MaxFileBytes) + (64 * 1024);

    public static IHostApplicationBuilder AddWidget(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<WidgetSecrets>();
        builder.Services.AddScoped<WidgetVisitors>();
        builder.Services.AddScoped<WidgetAvailability>();
        builder.Services.AddScoped<IReplyChannel, WidgetReplies>();
        builder.Services.AddSingleton<WidgetLive>();
        builder.Services.Configure<RateLimiterOptions>(o =>
        {
            // New chats, forms and callbacks: each one is a ticket for a person to read.
            o.AddPolicy(StartsLimit, context => RateLimitPartition.GetFixedWindowLimiter(Address(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(10), QueueLimit = 0 }));
            // Lines, typing and read receipts within one chat: a fast typist, not a script.
            o.AddPolicy(ChatLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Request.Headers[WidgetOrigins.TokenHeader].ToString() is { Length: > 0 } token ? "t:" + token : Address(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 60, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return builder;
    }

    public static WebApplication UseWidget(this WebApplication app)
    {
        app.UseWidgetPreflight();
        return app;
    }

    public static IEndpointRouteBuilder MapWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/widget.js", WidgetScript.Serve).ExcludeFromDescription();
        app.MapGroup(PublicPrefix + "/{workspaceId:guid}").AddEndpointFilter<WidgetOrigins.Filter>().WithTags("Widget (visitors)").MapWidgetVisitorApi();
        return app;
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
