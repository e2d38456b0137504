using System.Collections.Concurrent;
using Heliodesk.Data;
using MailKit.Net.Imap;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Keeps every enabled mailbox read: one loop per mailbox whose lease this node holds. With IDLE the
/// server wakes us the moment mail arrives (renewed every poll interval, as RFC 2177 asks); without
/// it we poll. A node that dies stops renewing and another takes the mailbox over when the lease ends.
/// </summary>
public sealed partial class MailboxWatcher(
    IServiceScopeFactory scopes, MailboxFetcher fetcher, MailConnections connections, TimeProvider time,
    IOptions<EmailOptions> options, ILogger<MailboxWatcher> log) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> _watching = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunFetcher)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                foreach (var (id, workspaceId) in await FreeMailboxesAsync(stoppingToken))
                {
                    if (!_watching.TryGetValue(id, out var running) || running.IsCompleted)
                    {
                        _watching[id] = WatchAsync(workspaceId, id, stoppingToken);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e, "(listing mailboxes)");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
        await Task.WhenAll(_watching.Values);
    }

    private async Task<List<(Guid Id, Guid WorkspaceId)>> FreeMailboxesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var free = await db.Set<Mailbox>().IgnoreQueryFilters()
            .Where(m => m.Enabled && m.ImapHost != null && (m.LeaseUntil == null || m.LeaseUntil < now || m.LeaseOwner == fetcher.Node))
            .Select(m => new { m.Id, m.WorkspaceId }).ToListAsync(ct);
        return free.Select(m => (m.Id, m.WorkspaceId)).ToList();
    }

    private async Task WatchAsync(Guid workspaceId, Guid mailboxId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!await fetcher.TryLeaseAsync(mailboxId, stoppingToken))
        {
            return;
        }
        try
        {
            var mailbox = await fetcher.LoadAsync(workspaceId, mailboxId, stoppingToken);
            if (mailbox is not { CanFetch: true })
            {
                return;
            }
            using var client = await connections.ConnectImapAsync(mailbox, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var (_, folder) = await fetcher.FetchNewAsync(client, mailbox, stoppingToken);
                await WaitForMailAsync(client, folder, stoppingToken);
                var current = await fetcher.LoadAsync(workspaceId, mailboxId, stoppingToken);
                // Settings changed, mailbox disabled or deleted, or the lease was lost: start over on the next tick.
                if (current is not { CanFetch: true } || current.UpdatedAt != mailbox.UpdatedAt || !await fetcher.RenewLeaseAsync(mailboxId, stoppingToken))
                {
                    break;
                }
            }
            await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, e, mailboxId.ToString());
            await fetcher.RecordAsync(mailboxId, null, e.Message, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease is released below, so another node can take over at once.
        }
        finally
        {
            await fetcher.ReleaseAsync(mailboxId, CancellationToken.None);
        }
    }

    private async Task WaitForMailAsync(ImapClient client, MailKit.IMailFolder folder, CancellationToken stoppingToken)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            return;
        }
        using var done = new CancellationTokenSource(options.Value.PollInterval, time);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading mailbox {Mailbox} failed; retrying on the next poll.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string mailbox);
}
