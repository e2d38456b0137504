using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.InboundWebhooks;

/// <summary>Admins create inbound channels, read them, change or turn them off, and rotate their secrets.</summary>
public static class InboundChannelApi
{
    public static RouteGroupBuilder MapInboundChannelApi(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/inbound-webhooks").WithTags("Inbound webhooks").RequireAuthorization(Policies.Admin);
        channels.MapPost("/", CreateInboundChannel).WithWriteTransaction().WithName(nameof(CreateInboundChannel));
        channels.MapGet("/", ListInboundChannels).WithName(nameof(ListInboundChannels));
        channels.MapGet("/{id:guid}", GetInboundChannel).WithName(nameof(GetInboundChannel));
        channels.MapPatch("/{id:guid}", UpdateInboundChannel).WithWriteTransaction().WithName(nameof(UpdateInboundChannel));
        channels.MapPost("/{id:guid}/rotate-secret", RotateInboundChannelSecret).WithWriteTransaction().WithName(nameof(RotateInboundChannelSecret));
        api.MapGet("/tickets/{id:guid}/webhook-replies", ListTicketWebhookReplies).WithTags("Inbound webhooks")
            .RequireAuthorization(Policies.Agent).WithName(nameof(ListTicketWebhookReplies));
        return api;
    }

    public static async Task<Created<CreatedInboundChannel>> CreateInboundChannel(
        CreateInboundChannelRequest request, HeliodeskDb db, WorkspaceScope scope, IDataProtectionProvider protection,
        IOptions<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var channel = new InboundChannel
        {
            WorkspaceId = scope.WorkspaceId,
            Name = Name(request.Name),
            ReplyUrl = request.ReplyUrl is { } url ? ReplyUrl(url, options.Value) : null,
            ProtectedSecret = protection.CreateProtector(InboundChannelSecrets.Purpose).Protect(secret),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(channel);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/inbound-webhooks/{channel.Id}", new CreatedInboundChannel(InboundChannelResponse.Of(channel), secret));
    }

    public static async Task<Ok<List<InboundChannelResponse>>> ListInboundChannels(HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<InboundChannel>().AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).Take(Limits.ListPage).ToListAsync(ct))
            .Select(InboundChannelResponse.Of).ToList());

    public static async Task<Results<Ok<InboundChannelResponse>, NotFound>> GetInboundChannel(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<InboundChannel>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } found
            ? TypedResults.Ok(InboundChannelResponse.Of(found)) : TypedResults.NotFound();

    public static async Task<Results<Ok<InboundChannelResponse>, NotFound>> UpdateInboundChannel(
        Guid id, UpdateInboundChannelRequest request, HeliodeskDb db, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        var channel = await db.Set<InboundChannel>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return TypedResults.NotFound();
        }
        channel.Name = request.Name is { } name ? Name(name) : channel.Name;
        channel.ReplyUrl = request.ReplyUrl is { } url ? ReplyUrl(url, options.Value) : channel.ReplyUrl;
        channel.IsActive = request.Active ?? channel.IsActive;
        channel.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(InboundChannelResponse.Of(channel));
    }

    /// <summary>A new secret, shown once; messages signed with the old one are refused from now on.</summary>
    public static async Task<Results<Ok<WebhookSecretResponse>, NotFound>> RotateInboundChannelSecret(
        Guid id, HeliodeskDb db, IDataProtectionProvider protection, TimeProvider time, CancellationToken ct)
    {
        var channel = await db.Set<InboundChannel>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return TypedResults.NotFound();
        }
        var secret = WebhookSignature.NewSecret();
        channel.ProtectedSecret = protection.CreateProtector(InboundChannelSecrets.Purpose).Protect(secret);
        channel.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WebhookSecretResponse(secret));
    }

    /// <summary>Each public reply owed to the ticket's channel and how its delivery went: the ticket's view of failures.</summary>
    public static async Task<Results<Ok<List<InboundWebhookReplyResponse>>, NotFound>> ListTicketWebhookReplies(
        Guid id, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var replies = await db.Set<InboundWebhookReply>().AsNoTracking().Where(r => r.TicketId == id)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(Limits.ListPage).ToListAsync(ct);
        return TypedResults.Ok(replies.Select(InboundWebhookReplyResponse.Of).ToList());
    }

    private static string Name(string raw) =>
        raw.Trim() is { Length: > 0 } name ? name : throw new DomainRuleException("name", "Give the channel a name, such as \"SMS (Twilio)\".");

    // The same rules as outbound webhook URLs (https, no credentials, no private networks), named after this field.
    private static string? ReplyUrl(string raw, WebhookOptions options)
    {
        if (raw.Trim().Length == 0)
        {
            return null;
        }
        try
        {
            return WebhookRules.Url(raw, options);
        }
        catch (DomainRuleException e)
        {
            throw new DomainRuleException("replyUrl", e.Message);
        }
    }
}
