namespace Heliodesk.Features.Macros;

public static class MacrosFeature
{
    public static IHostApplicationBuilder AddMacros(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MacroRunner>();
        return builder;
    }

    public static RouteGroupBuilder MapMacrosEndpoints(this RouteGroupBuilder api) => api.MapMacroApi().MapMacroApplyApi();
}
