using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Workforce;

/// <summary>
/// Compares online agents with the current hour's minimums on a timer from the injected clock. Only the node
/// holding the "staffing-alerts" lease looks, so two nodes never raise the same breach twice (and the unique
/// open-alert key refuses it even if they did).
/// </summary>
public sealed partial class StaffingAlertWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<WorkforceSettings> settings, ILogger<StaffingAlertWorker> log)
    : BackgroundService
{
    public const string LeaseName = "staffing-alerts";
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Who this worker is when it takes the lease: one per process, so a second node is someone else.</summary>
    public string Holder { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
            await Task.Delay(settings.Value.AlertInterval, time, stoppingToken);
        }
    }

    /// <summary>One look at every workspace with staffing rules or open alerts; null when another node holds the lease.</summary>
    public async Task<AlertPass?> RunOnceAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            List<Guid> workspaces;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
                if (!await RouterLease.TryAcquireAsync(db, LeaseName, Holder, time.GetUtcNow(), settings.Value.AlertLeaseDuration, ct))
                {
                    return null;
                }
                workspaces = await db.Set<StaffingMinimum>().IgnoreQueryFilters().Select(m => m.WorkspaceId)
                    .Union(db.Set<StaffingAlert>().IgnoreQueryFilters().Where(a => a.ClearedAt == null).Select(a => a.WorkspaceId))
                    .Distinct().ToListAsync(ct);
            }
            var total = new AlertPass(0, 0);
            foreach (var workspaceId in workspaces)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
                try
                {
                    var pass = await scope.ServiceProvider.GetRequiredService<StaffingAlertCheck>().RunAsync(workspaceId, ct);
                    total = new AlertPass(total.Raised + pass.Raised, total.Cleared + pass.Cleared);
                }
                catch (DbUpdateException e) when (ConflictingWrites.IsKeyViolation(e))
                {
                    // Another node raised the same breach a moment ago: it is open once, which is all that matters.
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogWorkspaceFailed(log, workspaceId, e);
                }
            }
            return total;
        }
        finally
        {
            _pass.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staffing alerts for workspace {WorkspaceId} failed; the next pass retries.")]
    private static partial void LogWorkspaceFailed(ILogger logger, Guid workspaceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staffing alert pass failed; the next one retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
