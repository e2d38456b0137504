using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Webhooks;

public static class WebhookDeliveryApi
{
    public static RouteGroupBuilder MapWebhookDeliveryApi(this RouteGroupBuilder hooks)
    {
        hooks.MapGet("/{id:guid}/deliveries", ListDeliveries).WithName(nameof(ListDeliveries));
        hooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithWriteTransaction().WithName(nameof(Redeliver));
        return hooks;
    }

    /// <summary>The subscription's delivery log, newest first.</summary>
    public static async Task<Results<Ok<DeliveryPage>, NotFound>> ListDeliveries(
        Guid id, HeliodeskDb db, string? status, int? limit, string? cursor, CancellationToken ct)
    {
        if (!await db.Set<WebhookSubscription>().AnyAsync(s => s.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var take = Cursor.Limit(limit);
        var query = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id);
        if (Fields.Enum<DeliveryStatus>(status, "status") is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }
        if (Cursor.DecodeInstantAndId(cursor) is (var at, var deliveryId))
        {
            query = query.Where(d => d.CreatedAt < at || (d.CreatedAt == at && d.Id.CompareTo(deliveryId) < 0));
        }
        var page = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take + 1).ToListAsync(ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].CreatedAt.UtcTicks, page[take - 1].Id) : null;
        return TypedResults.Ok(new DeliveryPage(page.Take(take).Select(DeliveryResponse.Of).ToList(), next));
    }

    /// <summary>Sends the same event again (same webhook-id, so a receiver that already has it can ignore it).</summary>
    public static async Task<Results<Accepted<DeliveryResponse>, NotFound>> Redeliver(
        Guid id, Guid deliveryId, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var delivery = await db.Set<WebhookDelivery>().FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, ct);
        if (delivery is null)
        {
            return TypedResults.NotFound();
        }
        delivery.Status = DeliveryStatus.Pending;
        db.Add(WebhookFanOut.Dispatch(delivery, time.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", DeliveryResponse.Of(delivery));
    }
}
