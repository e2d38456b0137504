using System.Net;
using System.Text.Json;
using Heliodesk.Data;
using Heliodesk.Features.Channels.InboundWebhooks;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Tickets;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.InboundWebhooks;

public sealed class InboundWebhookTests(TestDatabases databases)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_sms_opens_a_ticket_and_the_next_one_in_the_conversation_threads_onto_it(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var channel = await ws.Owner.CreateInboundChannelAsync();

        var first = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-1", "My parcel never arrived.\nOrder 5512."));
        var second = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-1", "Any news?"));
        var other = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-2", "Wrong size delivered", phone: "+44 20 7946 0000", name: null));

        Assert.True(first.OpenedTicket);
        Assert.Equal((first.TicketId, false), (second.TicketId, second.OpenedTicket));
        Assert.True(other.OpenedTicket);
        Assert.NotEqual(first.TicketId, other.TicketId);
        var ticket = await ws.Owner.GetTicketAsync(first.TicketId);
        Assert.Equal((Channel.Webhook, "My parcel never arrived.", "Ana"), (ticket.Channel, ticket.Subject, ticket.Requester.Name));
        Assert.Equal(["My parcel never arrived.\nOrder 5512.", "Any news?"], (await ws.Owner.MessagesAsync(ticket.Id)).Select(m => m.Text));
        Assert.Equal("+44 20 7946 0000", (await ws.Owner.GetTicketAsync(other.TicketId)).Requester.Name);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_message_from_a_closed_conversation_opens_a_follow_up_that_later_messages_join(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var channel = await ws.Owner.CreateInboundChannelAsync();
        var first = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-9", "Refund please"));
        (await ws.Owner.PatchTicketAsync(first.TicketId, new { status = "solved" })).EnsureSuccessStatusCode();
        (await ws.Owner.PatchTicketAsync(first.TicketId, new { status = "closed" })).EnsureSuccessStatusCode();

        var again = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-9", "Still waiting for the refund"));
        var more = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-9", "Hello?"));

        Assert.True(again.OpenedTicket);
        Assert.Equal(first.TicketId, (await ws.Owner.GetTicketAsync(again.TicketId)).FollowUpOfId);
        Assert.Equal((again.TicketId, false), (more.TicketId, more.OpenedTicket));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bad_or_stale_signature_is_refused_and_stores_nothing(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var channel = await ws.Owner.CreateInboundChannelAsync();
        var message = InboundWebhookTestApi.Sms("thread-1", "Hello");

        var forged = app.Signed(channel, message, secret: WebhookSignature.NewSecret());
        var stale = app.Signed(channel, message, age: TimeSpan.FromMinutes(6));
        var future = app.Signed(channel, message, age: TimeSpan.FromMinutes(-6));
        var tampered = app.Signed(channel, message);
        tampered.Content = new StringContent(JsonSerializer.Serialize(InboundWebhookTestApi.Sms("thread-1", "Send the refund to me"), TestApi.Json),
            System.Text.Encoding.UTF8, "application/json");
        var unsigned = app.Signed(channel, message);
        unsigned.Headers.Remove(WebhookSignature.SignatureHeader);

        foreach (var request in new[] { forged, stale, future, tampered, unsigned })
        {
            var response = await app.DeliverAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await ws.Owner.TicketCountAsync());
        var missing = channel with { Channel = channel.Channel with { MessagesUrl = InboundMessageEndpoint.Path(Guid.NewGuid()) } };
        Assert.Equal(HttpStatusCode.NotFound, (await app.DeliverAsync(app.Signed(missing, message))).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_replayed_or_retried_message_creates_nothing_twice(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var channel = await ws.Owner.CreateInboundChannelAsync();
        var message = InboundWebhookTestApi.Sms("thread-1", "Hello", messageId: "SM123");

        var first = await (await app.DeliverAsync(app.Signed(channel, message, webhookId: "msg_1"))).ReadAsync<InboundWebhookAccepted>(HttpStatusCode.Created);
        var replay = await (await app.DeliverAsync(app.Signed(channel, message, webhookId: "msg_1"))).ReadAsync<InboundWebhookAccepted>(HttpStatusCode.OK);
        var retry = await (await app.DeliverAsync(app.Signed(channel, message, webhookId: "msg_2"))).ReadAsync<InboundWebhookAccepted>(HttpStatusCode.OK);
        var noMessageId = new { conversationId = "thread-1", from = new { phone = "+1 555 0100" }, text = "Second" };
        await app.DeliverAsync(app.Signed(channel, noMessageId, webhookId: "msg_3"));
        await app.DeliverAsync(app.Signed(channel, noMessageId, webhookId: "msg_3"));

        Assert.True(replay.Duplicate && retry.Duplicate);
        Assert.Equal([first.MessageId, first.MessageId], new[] { replay.MessageId, retry.MessageId });
        Assert.Equal(1, await ws.Owner.TicketCountAsync());
        Assert.Equal(["Hello", "Second"], (await ws.Owner.MessagesAsync(first.TicketId)).Select(m => m.Text));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_agents_reply_reaches_the_reply_url_signed_and_retries_until_it_does(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await app.CreateWorkspaceAsync();
        var channel = await ws.Owner.CreateInboundChannelAsync(receiver.Url);
        var sms = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-7", "Where is my order?"));
        receiver.AnswerNext(503);

        var reply = await ws.Owner.ReplyAsync(sms.TicketId, "It ships today.");
        await ws.Owner.NoteAsync(sms.TicketId, "Internal: warehouse confirmed");
        Assert.Equal(1, await app.DeliverDueAsync());
        var failed = Assert.Single(await ws.Owner.WebhookRepliesAsync(sms.TicketId));
        Assert.Equal((ReplyDeliveryStatus.Pending, 1, 503, "receiver is down"), (failed.Status, failed.Attempts, failed.LastStatusCode, failed.LastError));
        Assert.Equal(0, await app.DeliverDueAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await app.DeliverDueAsync());

        var delivered = Assert.Single(await ws.Owner.WebhookRepliesAsync(sms.TicketId));
        Assert.Equal((ReplyDeliveryStatus.Delivered, 2, 200), (delivered.Status, delivered.Attempts, delivered.LastStatusCode));
        Assert.Equal(2, receiver.Requests.Count);
        var received = receiver.Requests.Last();
        Assert.True(WebhookSignature.Verify(channel.Secret, received.Id, long.Parse(received.Timestamp), received.Body, received.Signature));
        Assert.Equal([delivered.Id.ToString()], receiver.Requests.Select(r => r.Id).Distinct());
        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(("thread-7", "It ships today.", reply.Message.Id.ToString()),
            (body.GetProperty("conversationId").GetString(), body.GetProperty("text").GetString(), delivered.MessageId.ToString()));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_reply_that_never_gets_through_is_marked_failed_and_noted_on_the_ticket(DatabaseProvider provider)
    {
        await using var app = await databases.IsolatedAsync(provider);
        await using var receiver = await WebhookReceiver.StartAsync();
        var ws = await app.CreateWorkspaceAsync();
        var channel = await ws.Owner.CreateInboundChannelAsync(receiver.Url);
        var sms = await app.SendSmsAsync(channel, InboundWebhookTestApi.Sms("thread-8", "Can I change my address?"));
        receiver.AnswerNext(Enumerable.Repeat(500, 10).ToArray());

        await ws.Owner.ReplyAsync(sms.TicketId, "Yes, tell me the new one.");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            Assert.Equal(1, await app.DeliverDueAsync());
            app.Clock.Advance(TimeSpan.FromHours(6));
        }
        Assert.Equal(0, await app.DeliverDueAsync());

        var failed = Assert.Single(await ws.Owner.WebhookRepliesAsync(sms.TicketId));
        Assert.Equal((ReplyDeliveryStatus.Failed, 10), (failed.Status, failed.Attempts));
        var note = (await ws.Owner.MessagesAsync(sms.TicketId)).Last();
        Assert.Equal(MessageKind.Note, note.Kind);
        Assert.Contains("did not reach the customer", note.Text, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_messages_and_channels_name_the_field_and_only_admins_manage_channels(DatabaseProvider provider)
    {
        var app = await databases.SharedAsync(provider);
        var ws = await app.CreateWorkspaceAsync();
        var lead = await app.AddMemberAsync(ws, Features.Agents.AgentRole.Lead);
        var channel = await ws.Owner.CreateInboundChannelAsync();

        await (await app.DeliverAsync(app.Signed(channel, new { from = new { phone = "+1 555 0100" }, text = "x" }))).AssertFieldErrorAsync("conversationId");
        await (await app.DeliverAsync(app.Signed(channel, new { conversationId = "c", from = new { email = "not-an-address" }, text = "x" }))).AssertFieldErrorAsync("from.email");
        await (await app.DeliverAsync(app.Signed(channel, new { conversationId = "c", from = new { phone = "+1 555 0100" }, text = "" }))).AssertFieldErrorAsync("text");
        await (await app.DeliverAsync(app.Signed(channel, new { conversationId = "c", from = new { phone = "+1 555 0100" }, text = "x", urgency = "panic" }))).AssertFieldErrorAsync("urgency");
        await (await ws.Owner.PostJsonAsync("/api/v1/inbound-webhooks", new { name = "x", replyUrl = "ftp://example.com/x" })).AssertFieldErrorAsync("replyUrl");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/v1/inbound-webhooks")).StatusCode);
        Assert.Equal(0, await ws.Owner.TicketCountAsync());

        var off = await (await ws.Owner.PatchJsonAsync($"/api/v1/inbound-webhooks/{channel.Channel.Id}", new { active = false })).ReadAsync<InboundChannelResponse>(HttpStatusCode.OK);
        Assert.False(off.Active);
        Assert.Equal(HttpStatusCode.Gone, (await app.DeliverAsync(app.Signed(channel, InboundWebhookTestApi.Sms("c", "hi")))).StatusCode);
        var rotated = await (await ws.Owner.PostJsonAsync($"/api/v1/inbound-webhooks/{channel.Channel.Id}/rotate-secret", new { })).ReadAsync<WebhookSecretResponse>(HttpStatusCode.OK);
        await ws.Owner.PatchJsonAsync($"/api/v1/inbound-webhooks/{channel.Channel.Id}", new { active = true });
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.DeliverAsync(app.Signed(channel, InboundWebhookTestApi.Sms("c", "hi")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await app.DeliverAsync(app.Signed(channel, InboundWebhookTestApi.Sms("c", "hi"), secret: rotated.Secret))).StatusCode);
        var listed = Assert.Single(await (await ws.Owner.GetAsync("/api/v1/inbound-webhooks")).ReadAsync<List<InboundChannelResponse>>(HttpStatusCode.OK));
        Assert.DoesNotContain(rotated.Secret, await (await ws.Owner.GetAsync("/api/v1/inbound-webhooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(channel.Channel.Id, listed.Id);
    }
}
