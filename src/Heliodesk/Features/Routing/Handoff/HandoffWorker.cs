using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Routing.Tank;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Routing.Handoff;

/// <summary>Handoff settings: <c>Heliodesk:Handoff:*</c>.</summary>
public sealed class HandoffSettings
{
    public const string Section = "Heliodesk:Handoff";

    /// <summary>How often shift ends, regional changes and tank tickets are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a node's handoff lease lasts without renewal before another node may take over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far back a pass looks for shift ends it has not handled (a node down over a shift change catches up).</summary>
    public TimeSpan CatchUp { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a ticket whose reply is being written waits before it is handed over anyway.</summary>
    public TimeSpan DraftGrace { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Runs handoffs at shift changes, regional digests and the tank sweep, on a timer from the injected clock. Like
/// the router, only the node holding the "handoff" lease runs a pass; each shift end and each digest also has a
/// unique row, so even a lease that moves mid-pass cannot hand a shift over twice.
/// </summary>
public sealed partial class HandoffWorker(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<HandoffSettings> settings, RouterWorker router, ILogger<HandoffWorker> log) : BackgroundService
{
    private const string LeaseName = "handoff";
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>This node's name in the lease; unique per worker, so two hosts in one process are two nodes.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

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
            await Task.Delay(settings.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>One pass over every workspace with schedules or a tank rotation; false when another node holds the lease.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            List<Guid> workspaces;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
                if (!await RouterLease.TryAcquireAsync(db, LeaseName, Holder, now, settings.Value.LeaseDuration, ct))
                {
                    return false;
                }
                workspaces = await db.Set<AgentShift>().IgnoreQueryFilters().Select(s => s.WorkspaceId)
                    .Union(db.Set<TankRotation>().IgnoreQueryFilters().Select(r => r.WorkspaceId))
                    .Distinct().ToListAsync(ct);
            }
            var changed = 0;
            foreach (var workspaceId in workspaces)
            {
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                services.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
                try
                {
                    var schedules = await services.GetRequiredService<RegionalSchedules>().LoadAsync(now - settings.Value.CatchUp, ct);
                    changed += await services.GetRequiredService<ShiftHandoffs>().RunAsync(schedules, now, ct);
                    await services.GetRequiredService<HandoffDigests>().RunAsync(schedules, now, ct);
                    changed += await services.GetRequiredService<TankSweep>().RunAsync(now, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One workspace's trouble must not hold up handoffs in the others.
                    LogWorkspaceFailed(log, workspaceId, e);
                }
            }
            if (changed > 0)
            {
                router.Nudge(); // handed-over tickets wait for the next routing pass
            }
            return true;
        }
        finally
        {
            _pass.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handoff for workspace {WorkspaceId} failed; the next pass retries.")]
    private static partial void LogWorkspaceFailed(ILogger logger, Guid workspaceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A handoff pass failed; the next one retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
