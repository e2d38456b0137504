using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Channels.Webhooks;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>
/// Handoff over the API: the note an agent keeps on a ticket for the next one, the sticky mark, the summaries of
/// past shift changes, each region's digest webhook and the digests themselves.
/// </summary>
public static class HandoffApi
{
    public static RouteGroupBuilder MapHandoffApi(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets/{id:guid}").WithTags("Handoff").RequireAuthorization(Policies.Agent);
        tickets.MapGet("/handoff", GetTicketHandoff).WithName(nameof(GetTicketHandoff));
        tickets.MapPut("/handoff-note", PutHandoffNote).WithWriteTransaction().WithName(nameof(PutHandoffNote));
        tickets.MapPut("/sticky", PutSticky).WithWriteTransaction().WithName(nameof(PutSticky));

        var hooks = api.MapGroup("/regions/{name}/digest-webhook").WithTags("Handoff").RequireAuthorization(Policies.Admin);
        hooks.MapGet("/", GetDigestWebhook).WithName(nameof(GetDigestWebhook));
        hooks.MapPut("/", PutDigestWebhook).WithWriteTransaction().WithName(nameof(PutDigestWebhook));
        hooks.MapDelete("/", DeleteDigestWebhook).WithWriteTransaction().WithName(nameof(DeleteDigestWebhook));

        var digests = api.MapGroup("/handoff-digests").WithTags("Handoff").RequireAuthorization(Policies.Staff);
        digests.MapGet("/", ListDigests).WithName(nameof(ListDigests));
        digests.MapGet("/{id:guid}", GetDigest).WithName(nameof(GetDigest));
        return api;
    }

    public static async Task<Results<Ok<TicketHandoffResponse>, NotFound>> GetTicketHandoff(Guid id, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        return ticket is null ? TypedResults.NotFound() : TypedResults.Ok(await HandoffReader.ReadAsync(db, id, ct));
    }

    public static async Task<Results<Ok<TicketHandoffResponse>, NotFound>> PutHandoffNote(
        Guid id, HandoffNoteRequest request, Caller caller, HeliodeskDb db, HandoffCommands commands, CancellationToken ct)
    {
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        await commands.WriteNoteAsync(ticket, caller, request.Tried, request.NextStep, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await HandoffReader.ReadAsync(db, id, ct));
    }

    public static async Task<Results<Ok<TicketHandoffResponse>, NotFound>> PutSticky(
        Guid id, StickyRequest request, Caller caller, HeliodeskDb db, HandoffCommands commands, CancellationToken ct)
    {
        var ticket = await db.FindVisibleAsync(id, caller, ct);
        if (ticket is null)
        {
            return TypedResults.NotFound();
        }
        await commands.SetStickyAsync(ticket, caller, request.Reason, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await HandoffReader.ReadAsync(db, id, ct));
    }

    public static async Task<Results<Ok<DigestWebhookResponse>, NotFound>> GetDigestWebhook(string name, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<RegionDigestHook>().AsNoTracking().FirstOrDefaultAsync(h => h.Region == name, ct) is { } hook
            ? TypedResults.Ok(new DigestWebhookResponse(hook.Region, hook.UrlHint))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<DigestWebhookResponse>, NotFound>> PutDigestWebhook(
        string name, DigestWebhookRequest request, HeliodeskDb db, IDataProtectionProvider protection, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == name, ct);
        if (region is null)
        {
            return TypedResults.NotFound();
        }
        var url = WebhookRules.Url(request.Url, options.Value);
        var protectedUrl = protection.CreateProtector(DigestSender.Purpose).Protect(url);
        var hint = Hint(url);
        var hook = await db.Set<RegionDigestHook>().FirstOrDefaultAsync(h => h.Region == region.Name, ct);
        if (hook is null)
        {
            hook = new RegionDigestHook { WorkspaceId = region.WorkspaceId, Region = region.Name, ProtectedUrl = protectedUrl, UrlHint = hint };
            db.Set<RegionDigestHook>().Add(hook);
        }
        (hook.ProtectedUrl, hook.UrlHint) = (protectedUrl, hint);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new DigestWebhookResponse(hook.Region, hook.UrlHint));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteDigestWebhook(string name, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<RegionDigestHook>().Where(h => h.Region == name).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Ok<DigestPage>> ListDigests(string? region, string? cursor, int? limit, HeliodeskDb db, CancellationToken ct)
    {
        var take = Cursor.Limit(limit);
        var query = db.Set<HandoffDigest>().AsNoTracking().Where(d => region == null || d.Region == region);
        if (Cursor.DecodeInstantAndId(cursor) is { } after)
        {
            query = query.Where(d => d.At < after.At || (d.At == after.At && d.Id.CompareTo(after.Id) < 0));
        }
        var page = await query.OrderByDescending(d => d.At).ThenByDescending(d => d.Id).Take(take + 1).ToListAsync(ct);
        var next = page.Count > take ? Cursor.Encode(page[take - 1].At.UtcTicks, page[take - 1].Id) : null;
        return TypedResults.Ok(new DigestPage([.. page.Take(take).Select(DigestResponse.Of)], next));
    }

    public static async Task<Results<Ok<DigestResponse>, NotFound>> GetDigest(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<HandoffDigest>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) is { } digest
            ? TypedResults.Ok(DigestResponse.Of(digest))
            : TypedResults.NotFound();

    /// <summary>Enough to recognise the URL, not enough to post to it: the host and the last four characters.</summary>
    private static string Hint(string url)
    {
        var uri = new Uri(url);
        return $"{uri.Scheme}://{uri.Host}/…{url[^Math.Min(4, url.Length)..]}";
    }
}

/// <summary>Reads a ticket's handoff state for the API and the ticket page.</summary>
public static class HandoffReader
{
    public static async Task<TicketHandoffResponse> ReadAsync(HeliodeskDb db, Guid ticketId, CancellationToken ct)
    {
        var plan = await db.Set<HandoffPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.TicketId == ticketId, ct);
        var history = await db.Set<TicketHandoff>().AsNoTracking().Where(h => h.TicketId == ticketId)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id).Take(10).ToListAsync(ct);
        var last = history.FirstOrDefault(h => h.Outcome == HandoffOutcome.HandedOver);
        return new TicketHandoffResponse(ticketId, plan?.Tried, plan?.NextStep, plan?.NoteUpdatedAt, plan?.NoteUpdatedBy,
            plan?.Sticky, plan?.StickyAgentId, last is null ? null : HandoffSummaryResponse.Of(last), [.. history.Select(HandoffSummaryResponse.Of)]);
    }
}
