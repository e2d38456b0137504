using Heliodesk.Data;
using Heliodesk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Common;

/// <summary>
/// Forgets idempotent answers once no sensible retry can still arrive (a day by default), so the
/// table stays small. Safe on several nodes at once: each run is one idempotent DELETE.
/// </summary>
public sealed partial class IdempotencySweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<HeliodeskOptions> options, ILogger<IdempotencySweeper> log)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep is retried next hour; nothing depends on it finishing now.
                LogFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes answers older than the retention, across all workspaces; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.IdempotencyRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        return await db.IdempotencyRecords.IgnoreQueryFilters().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping old idempotency records failed; retrying in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
