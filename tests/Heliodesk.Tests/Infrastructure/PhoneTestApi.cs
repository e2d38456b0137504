using System.Net;
using Heliodesk.Features.Channels.Phone;

namespace Heliodesk.Tests.Infrastructure;

public static class PhoneTestApi
{
    public static Task<HttpResponseMessage> LogCallAsync(this HttpClient client, Guid ticketId, object call) =>
        client.PostJsonAsync($"/api/v1/tickets/{ticketId}/calls", call);

    public static async Task<List<PhoneCallResponse>> CallsAsync(this HttpClient client, Guid ticketId) =>
        await (await client.GetAsync($"/api/v1/tickets/{ticketId}/calls")).ReadAsync<List<PhoneCallResponse>>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> AskCallbackAsync(this HttpClient client, object request) =>
        client.PostJsonAsync("/api/v1/callbacks", request);

    /// <summary>A customer asks to be called back between two wall-clock times of their own zone.</summary>
    public static async Task<CallbackResponse> RequestCallbackAsync(
        this HttpClient client, Guid ticketId, string start, string end, string timeZone = "Europe/Vilnius", string phone = "+370 612 34567") =>
        await (await client.AskCallbackAsync(new { ticketId, phone, windowStart = start, windowEnd = end, timeZone }))
            .ReadAsync<CallbackResponse>(HttpStatusCode.Created);

    public static async Task<CallbackPage> CallbackQueueAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync($"/api/v1/callbacks{query}")).ReadAsync<CallbackPage>(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> ClaimCallbackAsync(this HttpClient client, Guid callbackId) =>
        client.PostJsonAsync($"/api/v1/callbacks/{callbackId}/claim", new { });

    public static Task<HttpResponseMessage> CallBackAsync(this HttpClient client, Guid callbackId, object attempt) =>
        client.PostJsonAsync($"/api/v1/callbacks/{callbackId}/attempts", attempt);
}
