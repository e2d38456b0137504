using Heliodesk.Features.Outbox;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>Follow-the-sun handoff: shift-change handoffs with summaries, sticky tickets and regional digests.</summary>
public static class HandoffFeature
{
    public static IHostApplicationBuilder AddHandoff(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HandoffSettings>(builder.Configuration.GetSection(HandoffSettings.Section));
        builder.Services.AddScoped<HandoffCommands>();
        builder.Services.AddScoped<RegionalSchedules>();
        builder.Services.AddScoped<ShiftHandoffs>();
        builder.Services.AddScoped<HandoffDigests>();
        builder.Services.AddScoped<IOutboxHandler, DigestSender>();
        builder.Services.AddSingleton<HandoffWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HandoffWorker>());
        return builder;
    }

    public static RouteGroupBuilder MapHandoffEndpoints(this RouteGroupBuilder api) => api.MapHandoffApi();
}
