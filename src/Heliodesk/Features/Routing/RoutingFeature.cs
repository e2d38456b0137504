using Heliodesk.Features.Routing.Operations;

namespace Heliodesk.Features.Routing;

public static class RoutingFeature
{
    public static IHostApplicationBuilder AddRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RouterSettings>(builder.Configuration.GetSection(RouterSettings.Section));
        builder.Services.AddScoped<ScheduleStore>();
        builder.Services.AddScoped<ShiftAvailability>();
        builder.Services.AddScoped<RoutingAgents>();
        builder.Services.AddScoped<RoutingClaims>();
        builder.Services.AddScoped<QueueEntry>();
        builder.Services.AddScoped<Router>();
        builder.Services.AddSingleton<RouterWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RouterWorker>());
        builder.Services.AddSingleton<IStartupFilter, RouterNudges>();
        builder.AddRoutingOperations();
        return builder;
    }

    public static RouteGroupBuilder MapRoutingEndpoints(this RouteGroupBuilder api)
    {
        api.MapPresenceApi();
        api.MapQueueApi();
        api.MapPullApi();
        api.MapRoutingRuleApi();
        api.MapTicketRoutingApi();
        api.MapEscalationApi();
        api.MapTierMixApi();
        api.MapScheduleApi();
        api.MapRegionApi();
        api.MapOperationsApi();
        return api;
    }
}
