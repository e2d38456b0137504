namespace Heliodesk.Features.Routing.Tank;

/// <summary>Tank tickets: found by the handoff worker's sweep, routed to the week's rotation owner, marked in the UI.</summary>
public static class TankFeature
{
    public static IHostApplicationBuilder AddTank(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TankSweep>();
        return builder;
    }

    public static RouteGroupBuilder MapTankEndpoints(this RouteGroupBuilder api) => api.MapTankApi();
}
