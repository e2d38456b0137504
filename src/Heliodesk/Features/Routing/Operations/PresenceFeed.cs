using System.Collections.Concurrent;

namespace Heliodesk.Features.Routing.Operations;

/// <summary>An agent's status or capacity changed (committed). Readers re-read; the change carries no data.</summary>
public sealed record PresenceChange(Guid WorkspaceId, Guid AgentId);

/// <summary>
/// Tells open screens (the live operations view, presence boards) that someone went online, away or offline, or
/// had their capacity changed, once the change has committed. In process, like <c>TicketFeed</c>: handlers run on
/// the writer's thread and must return quickly.
/// </summary>
public sealed class PresenceFeed(ILogger<PresenceFeed> log)
{
    private readonly ConcurrentDictionary<Guid, Action<PresenceChange>[]> _byWorkspace = new();

    public IDisposable Subscribe(Guid workspaceId, Action<PresenceChange> handler)
    {
        _byWorkspace.AddOrUpdate(workspaceId, _ => [handler], (_, handlers) => [.. handlers, handler]);
        return new Subscription(() => _byWorkspace.AddOrUpdate(workspaceId, _ => [], (_, handlers) => [.. handlers.Where(h => h != handler)]));
    }

    public void Publish(IEnumerable<PresenceChange> changes)
    {
        foreach (var change in changes)
        {
            foreach (var handler in _byWorkspace.GetValueOrDefault(change.WorkspaceId) ?? [])
            {
                try
                {
                    handler(change);
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "A presence feed subscriber failed for agent {AgentId}.", change.AgentId);
                }
            }
        }
    }

    private sealed class Subscription(Action remove) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                remove();
            }
        }
    }
}
