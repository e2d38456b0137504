using Heliodesk.Features.Outbox;

namespace Heliodesk.Features.Channels.InboundWebhooks;

/// <summary>
/// Inbound webhook channels: other systems (SMS gateways, social inboxes, shops) deliver customers'
/// messages as signed JSON and receive agents' replies at their reply URL (docs/inbound-webhooks.md).
/// Outbound delivery reuses the outbound webhooks' signed, network-guarded HTTP client.
/// </summary>
public static class InboundWebhooksFeature
{
    public static IHostApplicationBuilder AddInboundWebhooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InboundWebhookOptions>().BindConfiguration(InboundWebhookOptions.Section);
        builder.Services.AddScoped<InboundWebhookFiling>();
        builder.Services.AddScoped<Tickets.IReplyChannel, WebhookReplies>();
        builder.Services.AddScoped<IOutboxHandler, WebhookReplySender>();
        return builder;
    }

    public static RouteGroupBuilder MapInboundWebhooksEndpoints(this RouteGroupBuilder api) =>
        api.MapInboundChannelApi().MapInboundMessageEndpoint();
}
