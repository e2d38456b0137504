using Heliodesk.Common;
using Heliodesk.Data;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Reads a mailbox's unseen mail over IMAP. Each mail is committed as a ticket message before it is
/// marked seen (or moved), so a crash leaves it unseen and the next fetch, finding its Message-ID
/// already recorded, only marks it. One node reads a mailbox at a time: a lease on its row.
/// </summary>
public sealed partial class MailboxFetcher(
    IServiceScopeFactory scopes, MailConnections connections, InboundMailProcessor processor, TimeProvider time,
    IOptions<EmailOptions> options, ILogger<MailboxFetcher> log)
{
    public string Node { get; } = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Connects, fetches what is new, disconnects. Null when another node holds the mailbox.</summary>
    public async Task<MailboxFetchResponse?> FetchAsync(Guid workspaceId, Guid mailboxId, CancellationToken ct)
    {
        if (!await TryLeaseAsync(mailboxId, ct))
        {
            return null;
        }
        try
        {
            var mailbox = await LoadAsync(workspaceId, mailboxId, ct) ?? throw new InvalidOperationException("The mailbox was deleted.");
            using var client = await connections.ConnectImapAsync(mailbox, ct);
            var (result, _) = await FetchNewAsync(client, mailbox, ct);
            await client.DisconnectAsync(true, ct);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordAsync(mailboxId, null, e.Message, ct);
            throw;
        }
        finally
        {
            await ReleaseAsync(mailboxId, CancellationToken.None);
        }
    }

    /// <summary>Fetches on an open connection (the watcher keeps one open for IDLE); returns the folder it read.</summary>
    public async Task<(MailboxFetchResponse Result, IMailFolder Folder)> FetchNewAsync(ImapClient client, Mailbox mailbox, CancellationToken ct)
    {
        var folder = string.Equals(mailbox.ImapFolder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox : await client.GetFolderAsync(mailbox.ImapFolder, ct);
        await folder.OpenAsync(FolderAccess.ReadWrite, ct);
        var processed = mailbox.ProcessedFolder is { } name ? await client.GetFolderAsync(name, ct) : null;
        var uidValidity = (long)folder.UidValidity;
        var (created, duplicates, fetched) = (0, 0, 0);
        foreach (var uid in (await folder.SearchAsync(SearchQuery.NotSeen, ct)).OrderBy(u => u.Id))
        {
            byte[] raw;
            await using (var stream = await folder.GetStreamAsync(uid, ct))
            using (var copy = new MemoryStream())
            {
                await stream.CopyToAsync(copy, ct);
                raw = copy.ToArray();
            }
            var result = await processor.ProcessAsync(mailbox, uidValidity, uid.Id, raw, ct);
            // Only now, with the ticket committed, may the server forget that this mail is new.
            if (processed is not null)
            {
                await folder.MoveToAsync(uid, processed, ct);
            }
            else
            {
                await folder.StoreAsync(uid, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, ct);
            }
            fetched++;
            created += result.Outcome == InboundOutcome.Created ? 1 : 0;
            duplicates += result.Outcome == InboundOutcome.Duplicate ? 1 : 0;
            await RenewLeaseAsync(mailbox.Id, ct);
        }
        await RecordAsync(mailbox.Id, uidValidity, null, ct);
        LogFetched(log, mailbox.Address, fetched, created, duplicates);
        return (new MailboxFetchResponse(fetched, created, duplicates), folder);
    }

    public async Task<Mailbox?> LoadAsync(Guid workspaceId, Guid mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        return await db.Set<Mailbox>().IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId && m.WorkspaceId == workspaceId, ct);
    }

    public async Task<bool> TryLeaseAsync(Guid mailboxId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.Lease;
        return await UpdateAsync(m => m.Id == mailboxId && (m.LeaseUntil == null || m.LeaseUntil < now || m.LeaseOwner == Node),
            s => s.SetProperty(m => m.LeaseOwner, Node).SetProperty(m => m.LeaseUntil, until), ct) == 1;
    }

    public async Task<bool> RenewLeaseAsync(Guid mailboxId, CancellationToken ct)
    {
        var until = time.GetUtcNow() + options.Value.Lease;
        return await UpdateAsync(m => m.Id == mailboxId && m.LeaseOwner == Node, s => s.SetProperty(m => m.LeaseUntil, until), ct) == 1;
    }

    public Task ReleaseAsync(Guid mailboxId, CancellationToken ct) =>
        UpdateAsync(m => m.Id == mailboxId && m.LeaseOwner == Node,
            s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);

    public async Task RecordAsync(Guid mailboxId, long? uidValidity, string? error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var text = error?[..Math.Min(error.Length, Limits.Subject * 4)];
        await UpdateAsync(m => m.Id == mailboxId, s => s.SetProperty(m => m.LastError, text)
            .SetProperty(m => m.LastFetchAt, m => error == null ? now : m.LastFetchAt)
            .SetProperty(m => m.UidValidity, m => uidValidity ?? m.UidValidity), ct);
    }

    private async Task<int> UpdateAsync(
        System.Linq.Expressions.Expression<Func<Mailbox, bool>> where,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Mailbox>> set, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        return await db.Set<Mailbox>().IgnoreQueryFilters().Where(where).ExecuteUpdateAsync(set, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {Fetched} mails from {Address}: {Created} new tickets, {Duplicates} already filed.")]
    private static partial void LogFetched(ILogger logger, string address, int fetched, int created, int duplicates);
}
