using System.Collections.Concurrent;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// What happens in a chat besides committed ticket changes (those travel on the ticket feed): whether the
/// visitor is typing, that read state moved, and which chats have a visitor connected right now (a reply to a
/// chat nobody is watching is also mailed). In-process like the ticket feed and agent presence.
/// </summary>
public sealed class WidgetLive
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Action>> _watchers = new();
    private readonly ConcurrentDictionary<Guid, bool> _visitorTyping = new();
    private readonly ConcurrentDictionary<Guid, int> _connections = new();

    public bool IsVisitorTyping(Guid ticketId) => _visitorTyping.GetValueOrDefault(ticketId);

    public bool IsVisitorConnected(Guid ticketId) => _connections.GetValueOrDefault(ticketId) > 0;

    public void VisitorTyping(Guid ticketId, bool typing)
    {
        if (_visitorTyping.GetValueOrDefault(ticketId) != typing)
        {
            _visitorTyping[ticketId] = typing;
            Notify(ticketId);
        }
    }

    /// <summary>Calls <paramref name="changed"/> whenever the chat's typing or read state changes, until disposed.</summary>
    public IDisposable Watch(Guid ticketId, Action changed)
    {
        var id = Guid.NewGuid();
        _watchers.GetOrAdd(ticketId, _ => new())[id] = changed;
        return new Unwatch(() =>
        {
            if (_watchers.TryGetValue(ticketId, out var watchers))
            {
                watchers.TryRemove(id, out _);
            }
        });
    }

    /// <summary>A visitor's stream is open on the chat until disposed; the visitor stops typing when it closes.</summary>
    public IDisposable Connect(Guid ticketId)
    {
        _connections.AddOrUpdate(ticketId, 1, (_, n) => n + 1);
        return new Unwatch(() =>
        {
            _connections.AddOrUpdate(ticketId, 0, (_, n) => Math.Max(0, n - 1));
            VisitorTyping(ticketId, false);
        });
    }

    public void Notify(Guid ticketId)
    {
        if (_watchers.TryGetValue(ticketId, out var watchers))
        {
            foreach (var watcher in watchers.Values)
            {
                watcher();
            }
        }
    }

    private sealed class Unwatch(Action action) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                action();
            }
        }
    }
}
