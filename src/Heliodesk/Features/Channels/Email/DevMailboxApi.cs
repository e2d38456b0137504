using System.Text;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

public sealed record CapturedEmailSummary(
    Guid Id, string From, string To, string Subject, OutboundPurpose Purpose, Guid? TicketId, DateTimeOffset CreatedAt);

public sealed record CapturedEmailPage(IReadOnlyList<CapturedEmailSummary> Items, string? NextCursor);

public sealed record CapturedEmail(
    Guid Id, string From, string To, string Subject, OutboundPurpose Purpose, Guid? TicketId, DateTimeOffset CreatedAt,
    string MessageId, string? InReplyTo, IReadOnlyList<string> References, IReadOnlyDictionary<string, string> Headers,
    string? Text, string? Html, IReadOnlyList<string> AttachmentNames, string Mime);

/// <summary>
/// Mail that would have left without an SMTP server (the embedded default), newest first, for
/// admins trying Heliodesk out or developing against it: nothing is lost, nothing reaches anyone.
/// </summary>
public static class DevMailboxApi
{
    public static RouteGroupBuilder MapDevMailboxApi(this RouteGroupBuilder api)
    {
        var dev = api.MapGroup("/dev-mailbox").WithTags("Email").RequireAuthorization(Policies.Admin);
        dev.MapGet("/", ListCapturedEmails).WithName(nameof(ListCapturedEmails));
        dev.MapGet("/{id:guid}", GetCapturedEmail).WithName(nameof(GetCapturedEmail));
        return api;
    }

    public static async Task<Ok<CapturedEmailPage>> ListCapturedEmails(HeliodeskDb db, int? limit, string? cursor, string? to, CancellationToken ct)
    {
        var take = Cursor.Limit(limit, Limits.ListPage);
        var query = db.Set<OutboundEmail>().AsNoTracking().Where(e => e.Status == OutboundStatus.Captured);
        if (!string.IsNullOrWhiteSpace(to))
        {
            var address = EmailAddress.Normalize(to);
            query = query.Where(e => e.ToAddress == address);
        }
        if (Cursor.DecodeInstantAndId(cursor) is (var at, var id))
        {
            query = query.Where(e => e.CreatedAt < at || (e.CreatedAt == at && e.Id.CompareTo(id) < 0));
        }
        var page = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take + 1)
            .Select(e => new CapturedEmailSummary(e.Id, e.FromAddress, e.ToAddress, e.Subject, e.Purpose, e.TicketId, e.CreatedAt)).ToListAsync(ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].CreatedAt.UtcTicks, page[take - 1].Id) : null;
        return TypedResults.Ok(new CapturedEmailPage(page.Take(take).ToList(), next));
    }

    public static async Task<Results<Ok<CapturedEmail>, NotFound>> GetCapturedEmail(Guid id, HeliodeskDb db, CancellationToken ct)
    {
        var email = await db.Set<OutboundEmail>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Status == OutboundStatus.Captured, ct);
        if (email is null)
        {
            return TypedResults.NotFound();
        }
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(email.Mime), writable: false);
        var mime = await MimeMessage.LoadAsync(stream, ct);
        var headers = mime.Headers.GroupBy(h => h.Field, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok(new CapturedEmail(
            email.Id, email.FromAddress, email.ToAddress, email.Subject, email.Purpose, email.TicketId, email.CreatedAt,
            email.RfcMessageId, mime.InReplyTo, mime.References.ToList(), headers, mime.TextBody, mime.HtmlBody,
            mime.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "attachment").ToList(), email.Mime));
    }
}
