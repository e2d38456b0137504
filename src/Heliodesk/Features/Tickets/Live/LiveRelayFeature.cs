using Heliodesk.Data;

namespace Heliodesk.Features.Tickets.Live;

public static class LiveRelayFeature
{
    /// <summary>
    /// On PostgreSQL, several nodes may serve one database: relay the live feed and presence between them.
    /// SQLite is one node by construction, so its feed stays in process.
    /// </summary>
    public static IHostApplicationBuilder AddTicketLiveRelay(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Heliodesk");
        if (!DataExtensions.IsPostgres(connectionString))
        {
            return builder;
        }
        builder.Services.AddSingleton<PresenceNames>();
        builder.Services.AddSingleton(sp => new PostgresLiveRelay(connectionString!, sp.GetRequiredService<TicketFeed>(),
            sp.GetRequiredService<TicketPresence>(), sp.GetRequiredService<PresenceNames>(), sp.GetRequiredService<ILogger<PostgresLiveRelay>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveRelay>());
        return builder;
    }
}
