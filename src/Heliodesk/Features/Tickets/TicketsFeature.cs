using Heliodesk.Features.Tickets.Live;
using Heliodesk.Features.Tickets.Merge;

namespace Heliodesk.Features.Tickets;

public static class TicketsFeature
{
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Conversation>();
        builder.Services.AddScoped<TicketCommands>();
        builder.Services.AddScoped<TicketMerge>();
        builder.Services.AddScoped<TicketHandback>();
        builder.Services.AddScoped<TicketCounts>();
        builder.Services.AddSingleton<TicketFeed>();
        builder.Services.AddSingleton<TicketFeedInterceptor>();
        builder.Services.AddSingleton<TicketPresence>();
        builder.AddTicketLiveRelay();
        return builder;
    }

    public static RouteGroupBuilder MapTicketsEndpoints(this RouteGroupBuilder api)
    {
        var tickets = api.MapTicketApi().MapMessageApi().MapMergeApi();
        api.MapTicketEventApi(tickets).MapTagApi().MapAttachmentApi();
        return api;
    }
}
