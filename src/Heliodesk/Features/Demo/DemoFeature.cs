namespace Heliodesk.Features.Demo;

public static class DemoFeature
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoWorkspace>();
        return builder;
    }
}
