using Heliodesk.Features.Agents;

namespace Heliodesk.Features.Workforce;

public static class WorkforceFeature
{
    public static IHostApplicationBuilder AddWorkforce(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<WorkforceSettings>(builder.Configuration.GetSection(WorkforceSettings.Section));
        builder.Services.AddScoped<StaffingRoster>();
        builder.Services.AddScoped<HandleTimes>();
        builder.Services.AddScoped<StaffingForecast>();
        builder.Services.AddScoped<CoverageGrid>();
        builder.Services.AddScoped<StaffingNeeds>();
        builder.Services.AddScoped<StaffingAlertCheck>();
        builder.Services.AddSingleton<StaffingAlertWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StaffingAlertWorker>());
        return builder;
    }

    public static RouteGroupBuilder MapWorkforceEndpoints(this RouteGroupBuilder api)
    {
        var staffing = api.MapGroup("/staffing").WithTags("Workforce").RequireAuthorization(Policies.Lead);
        staffing.MapStaffingMinimumApi();
        staffing.MapCoverageApi();
        return api;
    }
}
