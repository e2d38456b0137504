using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Webhooks;

public static class WebhookApi
{
    public static RouteGroupBuilder MapWebhookApi(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        hooks.MapPost("/", CreateWebhook).WithWriteTransaction().WithName(nameof(CreateWebhook));
        hooks.MapGet("/", ListWebhooks).WithName(nameof(ListWebhooks));
        hooks.MapGet("/{id:guid}", GetWebhook).WithName(nameof(GetWebhook));
        hooks.MapPatch("/{id:guid}", UpdateWebhook).WithWriteTransaction().WithName(nameof(UpdateWebhook));
        hooks.MapDelete("/{id:guid}", DeleteWebhook).WithWriteTransaction().WithName(nameof(DeleteWebhook));
        hooks.MapPost("/{id:guid}/rotate-secret", RotateWebhookSecret).WithWriteTransaction().WithName(nameof(RotateWebhookSecret));
        hooks.MapWebhookDeliveryApi();
        return api;
    }

    public static async Task<Created<CreatedWebhook>> CreateWebhook(
        CreateWebhookRequest request, HeliodeskDb db, WorkspaceScope scope, IDataProtectionProvider protection, IOptions<WebhookOptions> options,
        WebhookSubscribers subscribers, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            WorkspaceId = scope.WorkspaceId,
            Name = request.Name.Trim(),
            Url = WebhookRules.Url(request.Url, options.Value),
            Events = WebhookRules.Events(request.Events),
            ProtectedSecret = protection.CreateProtector(WebhookSecrets.Purpose).Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        subscribers.Changed(scope.WorkspaceId);
        return TypedResults.Created($"/api/v1/webhooks/{subscription.Id}", new CreatedWebhook(WebhookResponse.Of(subscription), secret));
    }

    public static async Task<Ok<List<WebhookResponse>>> ListWebhooks(HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<WebhookSubscription>().AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).Take(Limits.ListPage).ToListAsync(ct))
            .Select(WebhookResponse.Of).ToList());

    public static async Task<Results<Ok<WebhookResponse>, NotFound>> GetWebhook(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } found
            ? TypedResults.Ok(WebhookResponse.Of(found)) : TypedResults.NotFound();

    public static async Task<Results<Ok<WebhookResponse>, NotFound>> UpdateWebhook(
        Guid id, UpdateWebhookRequest request, HeliodeskDb db, IOptions<WebhookOptions> options, WebhookSubscribers subscribers, TimeProvider time, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        subscription.Name = request.Name?.Trim() ?? subscription.Name;
        subscription.Url = request.Url is { } url ? WebhookRules.Url(url, options.Value) : subscription.Url;
        subscription.Events = request.Events is { } events ? WebhookRules.Events(events) : subscription.Events;
        if (request.Active is { } active)
        {
            subscription.IsActive = active;
            subscription.DisabledReason = null;
        }
        subscription.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        subscribers.Changed(subscription.WorkspaceId);
        return TypedResults.Ok(WebhookResponse.Of(subscription));
    }

    /// <summary>Deletes the subscription and its delivery log; events still queued for it are dropped.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteWebhook(Guid id, HeliodeskDb db, WebhookSubscribers subscribers, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        await db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(ct);
        db.Remove(subscription);
        await db.SaveChangesAsync(ct);
        subscribers.Changed(subscription.WorkspaceId);
        return TypedResults.NoContent();
    }

    /// <summary>A new secret, shown once; deliveries from now on are signed with it.</summary>
    public static async Task<Results<Ok<WebhookSecretResponse>, NotFound>> RotateWebhookSecret(
        Guid id, HeliodeskDb db, IDataProtectionProvider protection, TimeProvider time, CancellationToken ct)
    {
        var subscription = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        var secret = WebhookSignature.NewSecret();
        subscription.ProtectedSecret = protection.CreateProtector(WebhookSecrets.Purpose).Protect(secret);
        subscription.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WebhookSecretResponse(secret));
    }
}
