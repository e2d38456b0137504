using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Heliodesk:Outbox";

    /// <summary>Run the dispatcher loop on this node (tests drive it by hand).</summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>How often the loop looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node owns a message it took; a node that dies frees it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a message is marked failed for good.</summary>
    public int MaxAttempts { get; set; } = 10;

    public int BatchSize { get; set; } = 20;

    /// <summary>How long side effects that are done stay in the table before the retention sweep removes them.</summary>
    public TimeSpan RetainDone { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>
/// Hands due outbox messages to their handlers. Safe on several nodes at once: a node takes a
/// message with a conditional update (a lease); only the lease holder may mark it done, and a lease
/// left by a dead node expires. Delivery is at least once, exactly once by id: the handler's
/// database changes commit together with "done", and a redelivery carries the same id.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<OutboxOptions> options, ILogger<OutboxDispatcher> log) : BackgroundService
{
    /// <summary>This process's name in leases; unique per dispatcher, so two hosts in one process are two nodes.</summary>
    public string Node { get; } = NodeName();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunDispatcher)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                    // A full batch may mean more is waiting: keep going until the queue is drained.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogLoopFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every message due now that no live lease holds; returns how many this node ran.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
            due = await db.Set<OutboxMessage>().IgnoreQueryFilters()
                .Where(m => m.Status == OutboxStatus.Pending && m.DueAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.DueAt).ThenBy(m => m.Id).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        }
        var ran = 0;
        foreach (var id in due)
        {
            if (await TryLeaseAsync(id, ct))
            {
                await RunAsync(id, ct);
                ran++;
            }
        }
        return ran;
    }

    /// <summary>Takes the message if it is still pending and unleased: one conditional update, so one node wins.</summary>
    public async Task<bool> TryLeaseAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + options.Value.Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        var taken = await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, Node).SetProperty(m => m.LeaseUntil, until)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return taken == 1;
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HeliodeskDb>();
        var message = await db.Set<OutboxMessage>().IgnoreQueryFilters().FirstAsync(m => m.Id == id, ct);
        services.GetRequiredService<WorkspaceScope>().Enter(message.WorkspaceId);
        var handler = services.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Kind == message.Kind);
        try
        {
            if (handler is null)
            {
                throw new PermanentOutboxFailure($"No handler for outbox messages of kind '{message.Kind}'.");
            }
            using var leaseEnd = new CancellationTokenSource(options.Value.Lease, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, leaseEnd.Token);
            await handler.HandleAsync(message, linked.Token);
            await CompleteAsync(db, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            await FailAsync(db, message, e, ct);
        }
    }

    // "Done" and the handler's own changes commit together, and only while this node holds the
    // lease: if it expired and another node took over, that node's run decides the outcome.
    private async Task CompleteAsync(HeliodeskDb db, OutboxMessage message, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var owned = await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.Id == message.Id && m.LeaseOwner == Node && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Done).SetProperty(m => m.DoneAt, now)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null), ct);
        if (owned != 1)
        {
            await transaction.RollbackAsync(ct);
            LogLeaseLost(log, message.Id);
            return;
        }
        db.Entry(message).State = Microsoft.EntityFrameworkCore.EntityState.Unchanged;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task FailAsync(HeliodeskDb db, OutboxMessage message, Exception error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var giveUp = error is PermanentOutboxFailure || message.Attempts >= options.Value.MaxAttempts;
        var next = now + Backoff(message.Attempts);
        var text = $"{error.GetType().Name}: {error.Message}";
        text = text[..Math.Min(text.Length, Limits.Subject * 4)];
        await db.Set<OutboxMessage>().IgnoreQueryFilters()
            .Where(m => m.Id == message.Id && m.LeaseOwner == Node && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.DueAt, giveUp ? now : next).SetProperty(m => m.LastError, text)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct);
        LogAttemptFailed(log, error, message.Kind, message.Id, message.Attempts, giveUp);
    }

    private static string NodeName()
    {
        var name = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return name[^Math.Min(name.Length, Limits.ShortText)..];
    }

    /// <summary>Exponential from 30 s, doubling per attempt, capped at 6 hours: 30 s, 1 min, 2 min, 4 min…</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, attempts - 1)), TimeSpan.FromHours(6).TotalSeconds));

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatcher loop failed; it runs again on the next tick.")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was taken over by another node before it was acknowledged here.")]
    private static partial void LogLeaseLost(ILogger logger, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Kind} message {Id} failed on attempt {Attempts} (gave up: {GaveUp}).")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string kind, Guid id, int attempts, bool gaveUp);
}
