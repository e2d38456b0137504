using System.Net;
using System.Text;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>
/// Posts a digest to its region's incoming webhook. It uses the webhook channel's HTTP client, so the same SSRF
/// guard applies (checked on the address connected to, no redirects). A failure throws and the outbox retries
/// with backoff; a URL that is gone (404, 410) or refuses the body (400) is not retried.
/// </summary>
public sealed class DigestSender(HeliodeskDb db, IHttpClientFactory clients, IDataProtectionProvider protection, TimeProvider time) : IOutboxHandler
{
    public const string Purpose = "Heliodesk.Handoff.DigestWebhook";

    public string Kind => HandoffDigests.OutboxKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var delivery = message.Read<DigestDelivery>();
        var digest = await db.Set<HandoffDigest>().FirstOrDefaultAsync(d => d.Id == delivery.DigestId, ct)
            ?? throw new PermanentOutboxFailure($"Digest {delivery.DigestId} no longer exists.");
        var hook = await db.Set<RegionDigestHook>().AsNoTracking().FirstOrDefaultAsync(h => h.Region == digest.Region, ct)
            ?? throw new PermanentOutboxFailure($"Region {digest.Region} has no digest webhook any more.");
        var url = protection.CreateProtector(Purpose).Unprotect(hook.ProtectedUrl);

        using var content = new StringContent(digest.Payload, Encoding.UTF8, "application/json");
        using var response = await clients.CreateClient(WebhookSender.HttpClientName).PostAsync(url, content, ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.BadRequest)
        {
            throw new PermanentOutboxFailure($"The {digest.Region} digest webhook answered {(int)response.StatusCode}; fix the URL.");
        }
        response.EnsureSuccessStatusCode();
        digest.DeliveredAt = time.GetUtcNow(); // saved together with the outbox message's "done"
    }
}
