using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Outbox;

/// <summary>Removes one kind of record once it is past its retention; registered by the feature that owns the records.</summary>
public interface IRetentionSweep
{
    string Name { get; }

    /// <summary>Deletes what is older than its retention at <paramref name="now"/>, across workspaces; returns how many.</summary>
    Task<int> SweepAsync(HeliodeskDb db, DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// Runs every registered <see cref="IRetentionSweep"/> once an hour. Safe on several nodes at once
/// without a lease, like the idempotency sweeper: each sweep is one idempotent DELETE of rows past a
/// cutoff, so two nodes sweeping together delete the same rows once.
/// </summary>
public sealed partial class RetentionSweeper(
    IServiceScopeFactory scopes, IEnumerable<IRetentionSweep> sweeps, TimeProvider time, ILogger<RetentionSweeper> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs each sweep now; one failing does not stop the others. Returns how many rows each removed.</summary>
    public async Task<Dictionary<string, int>> SweepAsync(CancellationToken ct)
    {
        var removed = new Dictionary<string, int>();
        foreach (var sweep in sweeps)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                removed[sweep.Name] = await sweep.SweepAsync(scope.ServiceProvider.GetRequiredService<HeliodeskDb>(), time.GetUtcNow(), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retried next hour; nothing depends on old rows disappearing now.
                LogFailed(log, e, sweep.Name);
            }
        }
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Sweep} retention sweep failed; retrying in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string sweep);
}

/// <summary>Side effects done longer ago than <see cref="OutboxOptions.RetainDone"/>. Failed ones stay: someone should look at them.</summary>
public sealed class DoneOutboxSweep(IOptions<OutboxOptions> options) : IRetentionSweep
{
    public string Name => "outbox";

    public Task<int> SweepAsync(HeliodeskDb db, DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - options.Value.RetainDone;
        return db.Set<OutboxMessage>().IgnoreQueryFilters().Where(m => m.Status == OutboxStatus.Done && m.DoneAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
