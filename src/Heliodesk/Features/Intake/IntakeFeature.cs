namespace Heliodesk.Features.Intake;

public static class IntakeFeature
{
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Intake>();
        builder.Services.AddSingleton(sp => new TicketNumbers(sp.GetService<Data.GroupCommitWriter>()));
        return builder;
    }
}
