using System.Text.Json;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Email;

/// <summary>Admins connect the workspace's support addresses. Passwords go in, never come out.</summary>
public static class MailboxApi
{
    public static RouteGroupBuilder MapMailboxApi(this RouteGroupBuilder api)
    {
        var mailboxes = api.MapGroup("/mailboxes").WithTags("Email").RequireAuthorization(Policies.Admin);
        mailboxes.MapGet("/", ListMailboxes).WithName(nameof(ListMailboxes));
        mailboxes.MapGet("/{id:guid}", GetMailbox).WithName(nameof(GetMailbox));
        mailboxes.MapPost("/", CreateMailbox).WithWriteTransaction().WithName(nameof(CreateMailbox));
        mailboxes.MapPut("/{id:guid}", ReplaceMailbox).WithWriteTransaction().WithName(nameof(ReplaceMailbox));
        mailboxes.MapDelete("/{id:guid}", DeleteMailbox).WithWriteTransaction().WithName(nameof(DeleteMailbox));
        mailboxes.MapPost("/{id:guid}/check", CheckMailbox).WithName(nameof(CheckMailbox));
        mailboxes.MapPost("/{id:guid}/fetch", FetchMailbox).WithName(nameof(FetchMailbox));
        return api;
    }

    public static async Task<Ok<List<MailboxResponse>>> ListMailboxes(HeliodeskDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.Set<Mailbox>().AsNoTracking().OrderBy(m => m.Address).ToListAsync(ct)).Select(MailboxResponse.From).ToList());

    public static async Task<Results<Ok<MailboxResponse>, NotFound>> GetMailbox(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } mailbox
            ? TypedResults.Ok(MailboxResponse.From(mailbox)) : TypedResults.NotFound();

    public static async Task<Results<Created<MailboxResponse>, ProblemHttpResult>> CreateMailbox(
        MailboxRequest request, Caller caller, HeliodeskDb db, MailboxSecrets secrets, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var mailbox = new Mailbox { WorkspaceId = caller.WorkspaceId, CreatedAt = now };
        Apply(mailbox, request, secrets, now);
        db.Set<Mailbox>().Add(mailbox);
        if (await db.SaveOrConflictAsync($"This workspace already has a mailbox for {mailbox.Address}.", ct) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Created($"/api/v1/mailboxes/{mailbox.Id}", MailboxResponse.From(mailbox));
    }

    public static async Task<Results<Ok<MailboxResponse>, NotFound, ProblemHttpResult>> ReplaceMailbox(
        Guid id, MailboxRequest request, HeliodeskDb db, MailboxSecrets secrets, TimeProvider time, CancellationToken ct)
    {
        var mailbox = await db.Set<Mailbox>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mailbox is null)
        {
            return TypedResults.NotFound();
        }
        var folderBefore = (mailbox.ImapHost, mailbox.ImapUserName, mailbox.ImapFolder);
        Apply(mailbox, request, secrets, time.GetUtcNow());
        if (folderBefore != (mailbox.ImapHost, mailbox.ImapUserName, mailbox.ImapFolder))
        {
            // Another folder numbers its messages afresh; Message-IDs still stop duplicates.
            (mailbox.UidValidity, mailbox.LastUid) = (null, 0);
        }
        if (await db.SaveOrConflictAsync($"This workspace already has a mailbox for {mailbox.Address}.", ct) is { } conflict)
        {
            return conflict;
        }
        return TypedResults.Ok(MailboxResponse.From(mailbox));
    }

    /// <summary>Stops fetching and sending through it; tickets and mail already received stay.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteMailbox(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Set<Mailbox>().Where(m => m.Id == id).ExecuteDeleteAsync(ct) == 1 ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Logs in to both servers with the stored settings and says what failed, without fetching or sending.</summary>
    public static async Task<Results<Ok<MailboxCheckResponse>, NotFound>> CheckMailbox(
        Guid id, HeliodeskDb db, MailConnections connections, CancellationToken ct)
    {
        var mailbox = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return mailbox is null ? TypedResults.NotFound() : TypedResults.Ok(await connections.CheckAsync(mailbox, ct));
    }

    /// <summary>Fetches new mail now instead of waiting for the next poll.</summary>
    public static async Task<Results<Ok<MailboxFetchResponse>, NotFound, ProblemHttpResult>> FetchMailbox(
        Guid id, Caller caller, MailboxFetcher fetcher, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Set<Mailbox>().AnyAsync(m => m.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        MailboxFetchResponse? result;
        try
        {
            result = await fetcher.FetchAsync(caller.WorkspaceId, id, ct);
        }
        catch (Exception e) when (MailConnections.IsConnectionFailure(e))
        {
            // The mailbox's lastError keeps the reason too; nothing was filed twice or lost.
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Mail server unreachable", detail: e.Message);
        }
        return result is null
            ? ConflictingWrites.Conflict("Another node is reading this mailbox right now; its mail arrives shortly.")
            : TypedResults.Ok(result);
    }

    private static void Apply(Mailbox mailbox, MailboxRequest request, MailboxSecrets secrets, DateTimeOffset now)
    {
        if (!EmailAddress.IsValid(request.Address))
        {
            throw new DomainRuleException("address", "Enter a valid email address, like support@example.com.");
        }
        if (request.ProcessedFolder is { } folder && string.Equals(folder, request.ImapFolder, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainRuleException("processedFolder", "Processed mail must move to a folder other than the one fetched.");
        }
        mailbox.Name = request.Name.Trim();
        mailbox.Address = EmailAddress.Normalize(request.Address);
        mailbox.Enabled = request.Enabled;
        mailbox.SendAcknowledgements = request.SendAcknowledgements;
        mailbox.ImapFolder = string.IsNullOrWhiteSpace(request.ImapFolder) ? "INBOX" : request.ImapFolder.Trim();
        mailbox.ProcessedFolder = string.IsNullOrWhiteSpace(request.ProcessedFolder) ? null : request.ProcessedFolder.Trim();
        mailbox.AllowInvalidCertificates = request.AllowInvalidCertificates;
        (mailbox.ImapHost, mailbox.ImapPort, mailbox.ImapSecurity, mailbox.ImapUserName) =
            (request.Imap?.Host.Trim(), request.Imap?.Port ?? 993, request.Imap?.Security ?? MailSecurity.Auto, request.Imap?.UserName);
        (mailbox.ImapAuth, mailbox.ImapPasswordProtected) = Credential("imap", request.Imap, mailbox.ImapAuth, mailbox.ImapPasswordProtected, secrets);
        (mailbox.SmtpHost, mailbox.SmtpPort, mailbox.SmtpSecurity, mailbox.SmtpUserName) =
            (request.Smtp?.Host.Trim(), request.Smtp?.Port ?? 587, request.Smtp?.Security ?? MailSecurity.Auto, request.Smtp?.UserName);
        (mailbox.SmtpAuth, mailbox.SmtpPasswordProtected) = Credential("smtp", request.Smtp, mailbox.SmtpAuth, mailbox.SmtpPasswordProtected, secrets);
        mailbox.UpdatedAt = now;
    }

    // A password and a token are different secrets: switching how the server is logged in to needs the new one.
    private static (MailAuth, string?) Credential(string field, MailServerSettings? server, MailAuth storedAuth, string? stored, MailboxSecrets secrets)
    {
        if (server is null)
        {
            return (MailAuth.Password, null);
        }
        var (given, other, givenField, otherField) = server.Auth == MailAuth.Oauth2
            ? (server.AccessToken, server.Password, "accessToken", "password")
            : (server.Password, server.AccessToken, "password", "accessToken");
        if (!string.IsNullOrEmpty(other))
        {
            throw new DomainRuleException($"{field}.{otherField}", $"With auth \"{JsonNamingPolicy.CamelCase.ConvertName(server.Auth.ToString())}\", give the {givenField} instead.");
        }
        if (given is null && server.Auth != storedAuth && stored is not null)
        {
            throw new DomainRuleException($"{field}.{givenField}", $"Give the {givenField} when changing how this server is logged in to.");
        }
        return (server.Auth, given is null ? stored : secrets.Protect(given));
    }
}
