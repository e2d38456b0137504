using System.Net;
using Heliodesk.Data;
using Heliodesk.Features.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Webhooks;

/// <summary>
/// Delivers one owed event: signs it, POSTs it, and writes the outcome into the delivery log. A 2xx
/// answer is success; anything else is retried by the outbox with backoff, except 410 Gone, which
/// means the receiver wants no more and turns the subscription off.
/// </summary>
public sealed class WebhookSender(
    HeliodeskDb db, IHttpClientFactory clients, IDataProtectionProvider protection, TimeProvider time, IOptions<OutboxOptions> outbox) : IOutboxHandler
{
    public const string HttpClientName = "webhooks";

    public string Kind => WebhookFanOut.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var deliveryId = message.Read<DeliveryRef>().DeliveryId;
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId, ct);
        var subscription = delivery is null ? null : await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        if (delivery is null || subscription is null)
        {
            return; // The subscription was deleted, and its log with it: nothing is owed any more.
        }
        if (!subscription.IsActive)
        {
            delivery.Status = DeliveryStatus.Skipped;
            delivery.LastError = "The subscription is turned off.";
            return;
        }

        var outcome = await PostAsync(subscription, delivery, ct);
        var (status, error, elapsed) = outcome;
        delivery.Attempts++;
        delivery.LastAttemptAt = time.GetUtcNow();
        delivery.LastStatusCode = status;
        delivery.LastError = error;
        delivery.LastDurationMs = elapsed;
        if (status is >= 200 and < 300)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = delivery.LastAttemptAt;
            return;
        }
        if (status == (int)HttpStatusCode.Gone)
        {
            delivery.Status = DeliveryStatus.Failed;
            subscription.IsActive = false;
            subscription.DisabledReason = "The receiver answered 410 Gone.";
            return;
        }
        // The dispatcher discards this unit of work's changes when the handler throws, so the
        // attempt is logged on its own first: the log must show failures, not only successes.
        var final = message.Attempts >= outbox.Value.MaxAttempts;
        await db.Set<WebhookDelivery>().Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Attempts, delivery.Attempts).SetProperty(d => d.LastAttemptAt, delivery.LastAttemptAt)
            .SetProperty(d => d.LastStatusCode, status).SetProperty(d => d.LastError, error).SetProperty(d => d.LastDurationMs, elapsed)
            .SetProperty(d => d.Status, final ? DeliveryStatus.Failed : DeliveryStatus.Pending), ct);
        var reason = SignedPost.Describe(subscription.Url, outcome);
        throw final ? new PermanentOutboxFailure(reason) : new HttpRequestException(reason);
    }

    private Task<SignedPost.Outcome> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var secret = protection.CreateProtector(WebhookSecrets.Purpose).Unprotect(subscription.ProtectedSecret);
        return SignedPost.SendAsync(clients.CreateClient(HttpClientName), subscription.Url, secret, delivery.EventId.ToString(), delivery.Payload, time, ct);
    }
}

public static class WebhookSecrets
{
    public const string Purpose = "Heliodesk.WebhookSecrets.v1";
}
