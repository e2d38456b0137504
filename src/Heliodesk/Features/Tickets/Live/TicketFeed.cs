using System.Collections.Concurrent;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>
/// One committed change to a ticket: enough for a screen to decide whether to re-read, never the data
/// itself (readers re-query through their own access rules, so a contractor never learns more).
/// </summary>
public sealed record TicketChange(
    Guid WorkspaceId, Guid TicketId, long Number, int Version, IReadOnlyList<TicketEventType> Events,
    Guid? ActorId, Guid? MessageId);

/// <summary>
/// Tells open screens that tickets changed, after the change has committed. Subscribers register per
/// workspace and are called on the publishing thread: they must return quickly and marshal to their
/// own context (Blazor components call InvokeAsync). On PostgreSQL the <see cref="PostgresLiveRelay"/>
/// carries every published change to the other nodes, which deliver it to their own subscribers.
/// </summary>
public sealed class TicketFeed(ILogger<TicketFeed> log)
{
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _byWorkspace = new();
    private Action<IReadOnlyList<TicketChange>>? _relay;

    /// <summary>Calls <paramref name="handler"/> for every committed change in the workspace until disposed.</summary>
    public IDisposable Subscribe(Guid workspaceId, Action<TicketChange> handler)
    {
        var subscription = new Subscription(this, workspaceId, handler);
        _byWorkspace.AddOrUpdate(workspaceId, _ => new([subscription]), (_, s) => new([.. s.Items, subscription]));
        return subscription;
    }

    /// <summary>Announces committed changes made on this node: to its screens, and to the other nodes when relayed.</summary>
    public void Publish(IEnumerable<TicketChange> changes)
    {
        var list = changes as IReadOnlyList<TicketChange> ?? [.. changes];
        if (list.Count == 0)
        {
            return;
        }
        Deliver(list);
        _relay?.Invoke(list);
    }

    /// <summary>Sends every change published on this node to <paramref name="relay"/> as well (one relay per node).</summary>
    internal void RelayTo(Action<IReadOnlyList<TicketChange>> relay) => _relay = relay;

    /// <summary>Hands changes to this node's screens only: used for changes relayed from another node.</summary>
    internal void Deliver(IEnumerable<TicketChange> changes)
    {
        foreach (var change in changes)
        {
            if (!_byWorkspace.TryGetValue(change.WorkspaceId, out var subscribers))
            {
                continue;
            }
            foreach (var subscriber in subscribers.Items)
            {
                try
                {
                    subscriber.Handler(change);
                }
                catch (Exception e)
                {
                    // One broken screen must not stop the others (or the write that published).
                    log.LogWarning(e, "A ticket feed subscriber failed on ticket {TicketId}.", change.TicketId);
                }
            }
        }
    }

    /// <summary>How many screens listen in a workspace (for tests and diagnostics).</summary>
    public int SubscriberCount(Guid workspaceId) => _byWorkspace.TryGetValue(workspaceId, out var s) ? s.Items.Length : 0;

    private void Remove(Subscription subscription)
    {
        while (_byWorkspace.TryGetValue(subscription.WorkspaceId, out var current))
        {
            var remaining = current.Items.Where(s => s != subscription).ToArray();
            var done = remaining.Length == 0
                ? _byWorkspace.TryRemove(new KeyValuePair<Guid, ImmutableSubscribers>(subscription.WorkspaceId, current))
                : _byWorkspace.TryUpdate(subscription.WorkspaceId, new(remaining), current);
            if (done)
            {
                return;
            }
        }
    }

    // Copy-on-write: publishing (frequent) never locks; subscribing (rare) swaps the array.
    private sealed record ImmutableSubscribers(Subscription[] Items);

    private sealed class Subscription(TicketFeed feed, Guid workspaceId, Action<TicketChange> handler) : IDisposable
    {
        private int _disposed;

        public Guid WorkspaceId { get; } = workspaceId;
        public Action<TicketChange> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                feed.Remove(this);
            }
        }
    }
}
