using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Heliodesk.Features.Channels.InboundWebhooks;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.InboundWebhooks;

/// <summary>An SMS gateway's side of an inbound channel: signs and posts messages like a real integration.</summary>
public static class InboundWebhookTestApi
{
    public static async Task<CreatedInboundChannel> CreateInboundChannelAsync(this HttpClient admin, string? replyUrl = null) =>
        await (await admin.PostJsonAsync("/api/v1/inbound-webhooks", new { name = "SMS gateway", replyUrl })).ReadAsync<CreatedInboundChannel>(HttpStatusCode.Created);

    /// <summary>One customer message as the gateway would send it: a JSON body with Standard Webhooks headers.</summary>
    public static object Sms(string conversationId, string text, string? messageId = null, string phone = "+1 555 0100", string? name = "Ana") =>
        new { messageId = messageId ?? Guid.NewGuid().ToString("N"), conversationId, from = new { name, phone }, text };

    public static HttpRequestMessage Signed(
        this HeliodeskApplication app, CreatedInboundChannel channel, object message, string? webhookId = null, string? secret = null, TimeSpan? age = null)
    {
        var body = JsonSerializer.Serialize(message, TestApi.Json);
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (app.Clock.GetUtcNow() - (age ?? TimeSpan.Zero)).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, channel.Channel.MessagesUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret ?? channel.Secret, id, timestamp, body));
        return request;
    }

    /// <summary>Posts with no credentials of Heliodesk's own: the signature is the only thing that admits it.</summary>
    public static async Task<HttpResponseMessage> DeliverAsync(this HeliodeskApplication app, HttpRequestMessage request)
    {
        using var gateway = app.CreateClient();
        return await gateway.SendAsync(request);
    }

    public static async Task<InboundWebhookAccepted> SendSmsAsync(this HeliodeskApplication app, CreatedInboundChannel channel, object message, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await app.DeliverAsync(app.Signed(channel, message))).ReadAsync<InboundWebhookAccepted>(expected);

    public static async Task<List<MessageResponse>> MessagesAsync(this HttpClient agent, Guid ticketId) =>
        (await (await agent.GetAsync($"/api/v1/tickets/{ticketId}/messages")).ReadAsync<MessagePage>(HttpStatusCode.OK)).Items.ToList();

    public static async Task<List<InboundWebhookReplyResponse>> WebhookRepliesAsync(this HttpClient agent, Guid ticketId) =>
        await (await agent.GetAsync($"/api/v1/tickets/{ticketId}/webhook-replies")).ReadAsync<List<InboundWebhookReplyResponse>>(HttpStatusCode.OK);

    public static async Task<int> TicketCountAsync(this HttpClient agent) =>
        (await (await agent.GetAsync("/api/v1/tickets?limit=100")).ReadAsync<TicketPage>(HttpStatusCode.OK)).Items.Count;
}
