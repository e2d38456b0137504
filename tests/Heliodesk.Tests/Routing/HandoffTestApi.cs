using System.Net;
using System.Net.Http.Json;
using Heliodesk.Features.Routing.Handoff;
using Heliodesk.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Heliodesk.Tests.Routing;

/// <summary>Intent helpers for handoffs, digests and the tank rotation.</summary>
public static class HandoffTestApi
{
    /// <summary>One handoff pass now, as the worker does every 30 seconds; passes never overlap, so this is deterministic.</summary>
    public static Task<bool> HandOverNowAsync(this HeliodeskApplication app) =>
        app.Services.GetRequiredService<HandoffWorker>().RunOnceAsync(TestContext.Current.CancellationToken);

    public static async Task<TicketHandoffResponse> WriteHandoffNoteAsync(this HttpClient client, Guid ticketId, string? tried, string? nextStep) =>
        await (await client.PutAsJsonAsync($"/api/v1/tickets/{ticketId}/handoff-note", new { tried, nextStep }, TestApi.Json))
            .ReadAsync<TicketHandoffResponse>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> MarkStickyAsync(this HttpClient client, Guid ticketId, StickyReason? reason) =>
        client.PutAsJsonAsync($"/api/v1/tickets/{ticketId}/sticky", new { reason }, TestApi.Json);

    public static async Task<TicketHandoffResponse> HandoffOfAsync(this HttpClient client, Guid ticketId) =>
        await (await client.GetAsync($"/api/v1/tickets/{ticketId}/handoff")).ReadAsync<TicketHandoffResponse>(HttpStatusCode.OK);

    public static async Task<DigestWebhookResponse> SetDigestWebhookAsync(this HttpClient admin, string region, string url) =>
        await (await admin.PutAsJsonAsync($"/api/v1/regions/{region}/digest-webhook", new { url }, TestApi.Json))
            .ReadAsync<DigestWebhookResponse>(HttpStatusCode.OK);

    public static async Task<DigestPage> DigestsAsync(this HttpClient client, string? region = null) =>
        await (await client.GetAsync($"/api/v1/handoff-digests{(region is null ? "" : $"?region={region}")}")).ReadAsync<DigestPage>(HttpStatusCode.OK);
}
