namespace Heliodesk.Features.Routing;

/// <summary>
/// After any successful API write (a ticket created or solved, an agent going online, a rule changed) the router
/// is nudged, so work moves within moments without the create path knowing routing exists. The nudge happens
/// after the response, i.e. after the write's transaction committed; the router's timer covers everything else.
/// </summary>
internal sealed class RouterNudges(RouterWorker router) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await nextMiddleware(context);
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                && context.Response.StatusCode is >= 200 and < 300
                && context.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal))
            {
                router.Nudge();
            }
        });
        next(app);
    };
}
