using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Routing;

/// <summary>Router settings: <c>Heliodesk:Routing:*</c>.</summary>
public sealed class RouterSettings
{
    public const string Section = "Heliodesk:Routing";

    /// <summary>How often the router looks for work when nothing nudged it (timeouts, shift starts).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a node's router lease lasts without renewal before another node may take over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Runs routing passes: on a timer from the injected clock, and at once when nudged (a write committed, an agent
/// changed status). Passes never overlap on one node, and across nodes only the holder of the "router" lease
/// runs them; the claim on each ticket's version is the last line of defence either way.
/// </summary>
public sealed partial class RouterWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<RouterSettings> settings, ILogger<RouterWorker> log)
    : BackgroundService
{
    private const string LeaseName = "router";
    private readonly SemaphoreSlim _nudges = new(0, 1);
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Asks for a pass soon; many nudges before it starts make one pass.</summary>
    public void Nudge()
    {
        try
        {
            _nudges.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already asked for.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = RouterPass.Idle;
            try
            {
                pass = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(log, e);
            }
            if (pass.Assigned + pass.Queued >= Router.BatchSize)
            {
                continue; // more is waiting
            }
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(settings.Value.PollInterval, time, wake.Token), _nudges.WaitAsync(wake.Token));
            await wake.CancelAsync();
        }
    }

    /// <summary>One pass over every workspace that routes; returns the totals, or idle when another node holds the lease.</summary>
    public async Task<RouterPass> RunOnceAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            List<Guid> workspaces;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
                if (!await RouterLease.TryAcquireAsync(db, LeaseName, _holder, time.GetUtcNow(), settings.Value.LeaseDuration, ct))
                {
                    return RouterPass.Idle;
                }
                workspaces = await db.Set<RoutingRule>().IgnoreQueryFilters().Select(r => r.WorkspaceId).Distinct().ToListAsync(ct);
            }

            var total = RouterPass.Idle;
            foreach (var workspaceId in workspaces)
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
                try
                {
                    total = total.Plus(await scope.ServiceProvider.GetRequiredService<Router>().RunAsync(ct));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One workspace's trouble must not hold up routing in the others.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing workspace {WorkspaceId} failed; the next pass retries.")]
    private static partial void LogWorkspaceFailed(ILogger logger, Guid workspaceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A routing pass failed; the next one retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
