using Heliodesk.Data;
using Heliodesk.Features.Outbox;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Webhooks;

/// <summary>Outbound webhooks: signed event deliveries to integrations, through the transactional outbox.</summary>
public static class WebhooksFeature
{
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        builder.Services.AddSingleton<WebhookSubscribers>();
        builder.Services.AddSingleton<WebhookFanOut>();
        builder.Services.AddSingleton<ISaveParticipant>(sp => sp.GetRequiredService<WebhookFanOut>());
        builder.Services.AddScoped<IOutboxHandler, WebhookSender>();
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookNetwork.Handler(sp.GetRequiredService<IOptions<WebhookOptions>>().Value));
        return builder;
    }

    public static RouteGroupBuilder MapWebhooksEndpoints(this RouteGroupBuilder api) => api.MapWebhookApi();
}
