using System.Security.Cryptography;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

public enum InboundOutcome { Created, Threaded, Duplicate }

public sealed record InboundResult(InboundOutcome Outcome, Guid? TicketId);

/// <summary>
/// One fetched mail in, one committed ticket message out, exactly once: the raw bytes are written
/// to disk first, then the ticket and the <see cref="InboundEmail"/> record (keyed by mailbox +
/// Message-ID) commit in one transaction. The fetcher marks the mail seen only after that commit,
/// so a crash in between means a re-fetch, which finds the record and creates nothing.
/// </summary>
public sealed class InboundMailProcessor(IServiceScopeFactory scopes, IOptions<HeliodeskOptions> options)
{
    public async Task<InboundResult> ProcessAsync(Mailbox mailbox, long uidValidity, long uid, byte[] raw, CancellationToken ct)
    {
        var (message, problem) = Parse(raw);
        var key = message.MessageId is { Length: > 0 and <= MailLimits.MessageId } id
            ? id : $"sha256-{Convert.ToHexStringLower(SHA256.HashData(raw))}@heliodesk";

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<WorkspaceScope>().Enter(mailbox.WorkspaceId);
        var db = services.GetRequiredService<HeliodeskDb>();
        if (await FindAsync(db, mailbox.Id, key, ct) is { } earlier)
        {
            return new InboundResult(InboundOutcome.Duplicate, earlier);
        }

        var inboundId = Guid.CreateVersion7();
        var rawPath = Path.Combine("mail", mailbox.WorkspaceId.ToString("N"), $"{inboundId:N}.eml");
        var full = options.Value.DataPath(rawPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, raw, ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var filed = await services.GetRequiredService<InboundFiling>().FileAsync(
                new InboundMail(inboundId, mailbox, message, key, uidValidity, uid, rawPath, problem), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return filed;
        }
        catch (DbUpdateException e) when (ConflictingWrites.IsKeyViolation(e))
        {
            // Another node filed the same mail at the same moment (PostgreSQL); its ticket stands.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            File.Delete(full);
            return new InboundResult(InboundOutcome.Duplicate, await FindAsync(db, mailbox.Id, key, ct));
        }
    }

    private static Task<Guid?> FindAsync(HeliodeskDb db, Guid mailboxId, string key, CancellationToken ct) =>
        db.Set<InboundEmail>().Where(e => e.MailboxId == mailboxId && e.RfcMessageId == key).Select(e => (Guid?)e.TicketId).FirstOrDefaultAsync(ct);

    // MimeKit reads nearly anything; what it cannot read still becomes a ticket, flagged, with the
    // original kept, so nothing a customer sends is dropped.
    private static (MimeMessage Message, string? Problem) Parse(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            var message = MimeMessage.Load(ParserOptions.Default, stream);
            return (message, message.From.Mailboxes.Any() ? null : "no sender address");
        }
        catch (FormatException e)
        {
            var unreadable = new MimeMessage { Subject = "Unreadable email" };
            unreadable.Body = new TextPart("plain") { Text = $"Heliodesk could not read this email ({e.Message}). The original is kept with it." };
            return (unreadable, "unreadable MIME");
        }
    }
}

/// <summary>A mail on its way to a ticket, with where it came from.</summary>
public sealed record InboundMail(
    Guid Id, Mailbox Mailbox, MimeMessage Message, string Key, long UidValidity, long Uid, string RawPath, string? Problem);
