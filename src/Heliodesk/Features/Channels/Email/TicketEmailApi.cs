using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Outbox;
using Heliodesk.Features.Tickets;
using Heliodesk.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Email;

public enum DeliveryState { Queued, Retrying, Sent, Captured, Failed, Bounced }

public sealed record InboundEmailResponse(
    Guid Id, Guid? MessageId, string From, string Subject, InboundKind Kind, string? Problems, string RfcMessageId, DateTimeOffset ReceivedAt, string RawUrl);

public sealed record EmailDeliveryResponse(
    Guid Id, Guid? MessageId, OutboundPurpose Purpose, string To, string Subject, string RfcMessageId, DeliveryState State,
    int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset CreatedAt);

public sealed record TicketEmailResponse(IReadOnlyList<InboundEmailResponse> Inbound, IReadOnlyList<EmailDeliveryResponse> Outbound);

/// <summary>A ticket's mail: what arrived (with any problems and the original), and how each mail we sent fared.</summary>
public static class TicketEmailApi
{
    public static RouteGroupBuilder MapTicketEmailApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tickets/{id:guid}/emails", GetTicketEmails).WithTags("Email").RequireAuthorization(Policies.Agent).WithName(nameof(GetTicketEmails));
        api.MapGet("/inbound-emails/{id:guid}/raw", DownloadRawEmail).WithTags("Email").RequireAuthorization(Policies.Agent).WithName(nameof(DownloadRawEmail));
        return api;
    }

    public static async Task<Results<Ok<TicketEmailResponse>, NotFound>> GetTicketEmails(Guid id, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var inbound = await db.Set<InboundEmail>().AsNoTracking().Where(e => e.TicketId == id).OrderBy(e => e.ReceivedAt)
            .Select(e => new InboundEmailResponse(e.Id, e.MessageId, e.FromAddress, e.Subject, e.Kind, e.Problems, e.RfcMessageId, e.ReceivedAt,
                "/api/v1/inbound-emails/" + e.Id + "/raw")).ToListAsync(ct);
        // A left join: the outbox row of a mail sent long ago may have been swept (Heliodesk:Outbox:RetainDone).
        var outbound = await (
            from e in db.Set<OutboundEmail>().AsNoTracking().Where(e => e.TicketId == id)
            join o in db.Set<OutboxMessage>() on e.Id equals o.Id into attempts
            from o in attempts.DefaultIfEmpty()
            orderby e.CreatedAt
            select new { Email = e, Status = o == null ? OutboxStatus.Done : o.Status, Attempts = o == null ? 0 : o.Attempts, LastError = o == null ? null : o.LastError, DueAt = o == null ? e.CreatedAt : o.DueAt })
            .ToListAsync(ct);
        return TypedResults.Ok(new TicketEmailResponse(inbound, outbound.Select(o => new EmailDeliveryResponse(
            o.Email.Id, o.Email.MessageId, o.Email.Purpose, o.Email.ToAddress, o.Email.Subject, o.Email.RfcMessageId,
            State(o.Email.Status, o.Status, o.Attempts), o.Attempts, o.LastError,
            o.Status == OutboxStatus.Pending ? o.DueAt : null, o.Email.SentAt, o.Email.CreatedAt)).ToList()));
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> DownloadRawEmail(
        Guid id, Caller caller, HeliodeskDb db, IOptions<HeliodeskOptions> options, HttpResponse response, CancellationToken ct)
    {
        var email = await db.Set<InboundEmail>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (email is null || !await db.Tickets.VisibleTo(db, caller).AnyAsync(t => t.Id == email.TicketId, ct)
            || options.Value.DataPath(email.RawPath) is var path && !File.Exists(path))
        {
            return TypedResults.NotFound();
        }
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox";
        return TypedResults.File(File.OpenRead(path), "message/rfc822", $"email-{email.Id:N}.eml");
    }

    private static DeliveryState State(OutboundStatus email, OutboxStatus outbox, int attempts) => (email, outbox) switch
    {
        (OutboundStatus.Bounced, _) => DeliveryState.Bounced,
        (OutboundStatus.Sent, _) => DeliveryState.Sent,
        (OutboundStatus.Captured, _) => DeliveryState.Captured,
        (_, OutboxStatus.Failed) => DeliveryState.Failed,
        _ => attempts > 0 ? DeliveryState.Retrying : DeliveryState.Queued,
    };
}
