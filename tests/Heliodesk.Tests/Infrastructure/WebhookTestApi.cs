using System.Net;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Infrastructure;

public static class WebhookTestApi
{
    public static async Task<CreatedWebhook> SubscribeAsync(this HttpClient admin, string url, params string[] events) =>
        await (await admin.PostJsonAsync("/api/v1/webhooks", new { name = "CRM sync", url, events })).ReadAsync<CreatedWebhook>(HttpStatusCode.Created);

    public static async Task<DeliveryPage> DeliveriesAsync(this HttpClient admin, Guid webhookId, string query = "") =>
        await (await admin.GetAsync($"/api/v1/webhooks/{webhookId}/deliveries{query}")).ReadAsync<DeliveryPage>(HttpStatusCode.OK);

    /// <summary>What the background dispatcher does every second, done now on the test's clock.</summary>
    public static Task<int> DeliverDueAsync(this HeliodeskApplication app) =>
        app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
}
