namespace Heliodesk.Features.Intake;

public static class IntakeFeature
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Intake>();
        return builder;
    }
}
