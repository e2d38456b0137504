using System.Globalization;
using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.InboundWebhooks;

public sealed class InboundWebhookOptions
{
    public const string Section = "Heliodesk:InboundWebhooks";

    /// <summary>How far a message's webhook-timestamp may be from now; older (or later) ones are refused as replays.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The public door of an inbound channel. Anyone may knock, so nothing is read from the database
/// beyond the channel, and nothing is written, until the Standard Webhooks signature checks out with
/// the channel's secret and its timestamp is fresh. A replay inside the window carries a message id
/// that was filed already and creates nothing.
/// </summary>
public static class InboundMessageEndpoint
{
    public static string Path(Guid channelId) => $"/api/v1/channels/webhook/{channelId}/messages";

    public static RouteGroupBuilder MapInboundMessageEndpoint(this RouteGroupBuilder api)
    {
        // The route parameter is not called "id": the channel is found by its id across workspaces,
        // and the signature, not the caller's workspace, is what admits a request.
        api.MapPost("/channels/webhook/{channelId:guid}/messages", ReceiveWebhookMessage).AllowAnonymous().WithTags("Inbound webhooks")
            .Accepts<InboundWebhookPayload>("application/json").WithWriteTransaction().WithName(nameof(ReceiveWebhookMessage));
        return api;
    }

    public static async Task<Results<Created<InboundWebhookAccepted>, Ok<InboundWebhookAccepted>, ProblemHttpResult>> ReceiveWebhookMessage(
        Guid channelId, HttpRequest http, HeliodeskDb db, WorkspaceScope scope, InboundWebhookFiling filing, IDataProtectionProvider protection,
        IOptions<InboundWebhookOptions> options, IOptions<JsonOptions> json, TimeProvider time, CancellationToken ct)
    {
        var channel = await db.Set<InboundChannel>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == channelId, ct);
        if (channel is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such channel");
        }
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(ct);
        if (Unverified(http.Headers, body, protection.CreateProtector(InboundChannelSecrets.Purpose).Unprotect(channel.ProtectedSecret), options.Value, time) is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature not accepted", detail: refusal);
        }
        if (!channel.IsActive)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Channel turned off",
                detail: "This channel no longer accepts messages. Ask the help desk's admin to turn it back on.");
        }
        scope.Enter(channel.WorkspaceId);
        var draft = InboundMessageRules.Check(Read(body, json.Value.SerializerOptions), http.Headers[WebhookSignature.IdHeader].ToString());
        var accepted = await filing.FileAsync(channel, draft, ct);
        if (!accepted.Duplicate && await SaveOrFindWinnerAsync(db, filing, channel.Id, draft.MessageId, ct) is { } winner)
        {
            return TypedResults.Ok(winner);
        }
        return accepted.Duplicate ? TypedResults.Ok(accepted) : TypedResults.Created($"/api/v1/tickets/{accepted.TicketId}", accepted);
    }

    /// <summary>Why the request is not trusted, or null when its signature and timestamp check out.</summary>
    public static string? Unverified(IHeaderDictionary headers, string body, string secret, InboundWebhookOptions options, TimeProvider time)
    {
        var (id, stamp, signature) = (headers[WebhookSignature.IdHeader].ToString(), headers[WebhookSignature.TimestampHeader].ToString(),
            headers[WebhookSignature.SignatureHeader].ToString());
        if (id.Length == 0 || stamp.Length == 0 || signature.Length == 0)
        {
            return $"Send the {WebhookSignature.IdHeader}, {WebhookSignature.TimestampHeader} and {WebhookSignature.SignatureHeader} headers (Standard Webhooks).";
        }
        if (!long.TryParse(stamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > options.Tolerance.TotalSeconds)
        {
            return $"The {WebhookSignature.TimestampHeader} must be the current time in Unix seconds, within {options.Tolerance.TotalMinutes:0} minutes.";
        }
        return WebhookSignature.Verify(secret, id, seconds, body, signature) ? null
            : $"The {WebhookSignature.SignatureHeader} does not match the body signed with this channel's secret.";
    }

    private static InboundWebhookPayload Read(string body, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<InboundWebhookPayload>(body, options) ?? throw new DomainRuleException("body", "Send a JSON object.");
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            throw new DomainRuleException(field.Length == 0 ? "body" : field, "This value could not be read: check its type and allowed values.");
        }
    }

    // Two deliveries of one new message can race on PostgreSQL: the second insert of its key fails.
    // A savepoint turns that into "already filed", answered with what the first one created.
    private static async Task<InboundWebhookAccepted?> SaveOrFindWinnerAsync(HeliodeskDb db, InboundWebhookFiling filing, Guid channelId, string messageId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction || !db.Database.IsNpgsql())
        {
            return null;
        }
        await transaction.CreateSavepointAsync("inbound", ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (ConflictingWrites.IsKeyViolation(e))
        {
            await transaction.RollbackToSavepointAsync("inbound", ct);
            db.ChangeTracker.Clear();
            return await filing.EarlierAsync(channelId, messageId, ct);
        }
    }
}

public static class InboundChannelSecrets
{
    public const string Purpose = "Heliodesk.InboundChannelSecrets.v1";
}
