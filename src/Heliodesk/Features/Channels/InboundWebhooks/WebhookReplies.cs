using System.Text.Json;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Outbox;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.InboundWebhooks;

/// <summary>
/// An agent's public reply on a ticket that came in through an inbound channel goes back to that
/// channel's reply URL: owed in the reply's own transaction (the outbox), delivered afterwards.
/// </summary>
public sealed class WebhookReplies(HeliodeskDb db, Outbox.Outbox outbox, TimeProvider time) : IReplyChannel
{
    public const string OutboxKind = "inbound-webhook.reply";

    public async Task ReplySentAsync(Ticket ticket, Message reply, string agentName, CancellationToken ct)
    {
        if (ticket.Channel != Channel.Webhook
            || await db.Set<InboundConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.TicketId == ticket.Id, ct) is not { } conversation)
        {
            return;
        }
        var channel = await db.Set<InboundChannel>().AsNoTracking().FirstAsync(c => c.Id == conversation.ChannelId, ct);
        var owed = new InboundWebhookReply
        {
            WorkspaceId = ticket.WorkspaceId,
            ChannelId = channel.Id,
            ConversationId = conversation.Id,
            TicketId = ticket.Id,
            MessageId = reply.Id,
            CreatedAt = time.GetUtcNow(),
        };
        db.Add(owed);
        if (channel.ReplyUrl is null || !channel.IsActive)
        {
            // Said on the ticket rather than silently dropped: the agent learns the customer was not told.
            owed.Status = ReplyDeliveryStatus.NotSent;
            owed.LastError = channel.IsActive ? $"The channel \"{channel.Name}\" has no reply URL." : $"The channel \"{channel.Name}\" is turned off.";
            return;
        }
        // The outbox message's id is the reply's: the webhook-id the receiver sees on every retry.
        outbox.Enqueue(OutboxKind, new ReplyRef(owed.Id), ticket.Id, owed.Id);
    }
}

public sealed record ReplyRef(Guid ReplyId);

/// <summary>
/// POSTs one owed reply, signed like every Heliodesk webhook, and logs the attempt on the reply. Non-2xx
/// answers and network failures retry with the outbox's backoff; the last failed attempt leaves an
/// internal note on the ticket, so the agent knows the customer never got the answer.
/// </summary>
public sealed class WebhookReplySender(
    HeliodeskDb db, Conversation conversation, IHttpClientFactory clients, IDataProtectionProvider protection, IOptions<JsonOptions> json,
    IOptions<OutboxOptions> outbox, TimeProvider time) : IOutboxHandler
{
    public string Kind => WebhookReplies.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var replyId = message.Read<ReplyRef>().ReplyId;
        var owed = await db.Set<InboundWebhookReply>().FirstOrDefaultAsync(r => r.Id == replyId, ct);
        var channel = owed is null ? null : await db.Set<InboundChannel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == owed.ChannelId, ct);
        if (owed is null || channel is null)
        {
            return;
        }
        if (channel.ReplyUrl is not { } url || !channel.IsActive)
        {
            owed.Status = ReplyDeliveryStatus.NotSent;
            owed.LastError = "The channel was turned off or lost its reply URL before the reply left.";
            return;
        }
        var payload = await PayloadAsync(owed, ct);
        var secret = protection.CreateProtector(InboundChannelSecrets.Purpose).Unprotect(channel.ProtectedSecret);
        var outcome = await SignedPost.SendAsync(clients.CreateClient(WebhookSender.HttpClientName), url, secret, owed.Id.ToString(), payload, time, ct);
        owed.Attempts++;
        owed.LastAttemptAt = time.GetUtcNow();
        owed.LastStatusCode = outcome.Status;
        owed.LastError = outcome.Error;
        if (outcome.Succeeded)
        {
            owed.Status = ReplyDeliveryStatus.Delivered;
            owed.DeliveredAt = owed.LastAttemptAt;
            return;
        }
        // The dispatcher discards this unit of work's changes when the handler throws: the attempt
        // (and, after the last one, the note) are saved on their own first.
        var final = message.Attempts >= outbox.Value.MaxAttempts;
        owed.Status = final ? ReplyDeliveryStatus.Failed : ReplyDeliveryStatus.Pending;
        if (final)
        {
            await NoteFailureAsync(owed, channel, outcome, ct);
        }
        await db.SaveChangesAsync(ct);
        var reason = SignedPost.Describe(url, outcome);
        throw final ? new PermanentOutboxFailure(reason) : new HttpRequestException(reason);
    }

    private async Task<string> PayloadAsync(InboundWebhookReply owed, CancellationToken ct)
    {
        var reply = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == owed.MessageId, ct);
        var ticketNumber = await db.Tickets.Where(t => t.Id == owed.TicketId).Select(t => t.Number).FirstAsync(ct);
        var externalId = await db.Set<InboundConversation>().Where(c => c.Id == owed.ConversationId).Select(c => c.ExternalId).FirstAsync(ct);
        return JsonSerializer.Serialize(new OutgoingWebhookReply("message.reply", owed.Id, externalId, owed.TicketId, ticketNumber,
            reply.AuthorName, reply.Text, reply.Html, reply.CreatedAt), json.Value.SerializerOptions);
    }

    private async Task NoteFailureAsync(InboundWebhookReply owed, InboundChannel channel, SignedPost.Outcome outcome, CancellationToken ct)
    {
        var ticket = await db.Tickets.FirstAsync(t => t.Id == owed.TicketId, ct);
        if (ticket.IsClosed)
        {
            return; // A closed ticket takes no notes; the reply's state still says "failed".
        }
        var now = time.GetUtcNow();
        var text = $"This reply did not reach the customer: {channel.Name} ({channel.ReplyUrl}) answered "
            + $"{(outcome.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing")} after {owed.Attempts} attempts. {outcome.Error}";
        await conversation.AppendAsync(ticket, MessageKind.Note, Tickets.Actor.System, channel.Name, MessageBody.From(text.Trim(), null), Channel.Webhook, [], now, ct);
        ticket.RecordNote(Tickets.Actor.System, now, null);
    }
}
