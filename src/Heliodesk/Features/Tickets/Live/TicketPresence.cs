using System.Collections.Concurrent;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>Someone with a ticket open: who, and whether they are writing in its composer.</summary>
public sealed record TicketViewer(Guid SessionId, Guid AgentId, string Name, bool IsTyping);

/// <summary>What one session on one node did: joined or typed (<see cref="Left"/> false), or left. Ids only.</summary>
public sealed record PresenceSignal(Guid TicketId, Guid SessionId, Guid AgentId, bool IsTyping, bool Left);

/// <summary>
/// Who has which ticket open right now, so agents do not answer the same customer twice. Each open
/// ticket screen joins with a session of its own (one agent may have two tabs) and leaves on dispose.
/// Sessions on this node are announced to <see cref="PostgresLiveRelay"/> when there is one; sessions
/// relayed from other nodes are kept until they leave or stop being renewed (their node may be gone).
/// </summary>
public sealed class TicketPresence
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Entry>> _viewers = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Action>> _listeners = new();
    private readonly Lock _relayOrder = new();
    private Action<PresenceSignal>? _relay;

    /// <summary>Joins the ticket; <paramref name="changed"/> is called whenever its viewers change.</summary>
    public Session Join(Guid ticketId, Guid agentId, string name, Action changed)
    {
        var session = new Session(this, ticketId, Guid.NewGuid(), agentId, name);
        _listeners.GetOrAdd(ticketId, _ => new())[session.Id] = changed;
        SetLocal(ticketId, new TicketViewer(session.Id, agentId, name, false));
        return session;
    }

    public IReadOnlyList<TicketViewer> ViewersOf(Guid ticketId) =>
        _viewers.TryGetValue(ticketId, out var viewers)
            ? [.. viewers.Values.Select(e => e.Viewer).OrderBy(v => v.Name, StringComparer.CurrentCulture)]
            : [];

    /// <summary>Sends every change of a local session to <paramref name="relay"/> as well (one relay per node).</summary>
    internal void RelayTo(Action<PresenceSignal> relay) => _relay = relay;

    /// <summary>Re-announces this node's sessions, so other nodes keep them alive.</summary>
    internal void RenewLocalSessions()
    {
        // Under the same lock as joins and leaves: a renewal read before a leave must not be relayed after it.
        lock (_relayOrder)
        {
            foreach (var (ticketId, viewers) in _viewers)
            {
                foreach (var entry in viewers.Values.Where(e => e.ExpiresAt is null))
                {
                    _relay?.Invoke(new PresenceSignal(ticketId, entry.Viewer.SessionId, entry.Viewer.AgentId, entry.Viewer.IsTyping, Left: false));
                }
            }
        }
    }

    /// <summary>A session on another node joined, typed, renewed or left.</summary>
    internal void ApplyRemote(PresenceSignal signal, string name, DateTimeOffset expiresAt)
    {
        if (signal.Left)
        {
            Remove(signal.TicketId, signal.SessionId);
            return;
        }
        var viewers = _viewers.GetOrAdd(signal.TicketId, _ => new());
        var viewer = new TicketViewer(signal.SessionId, signal.AgentId, name, signal.IsTyping);
        var known = viewers.TryGetValue(signal.SessionId, out var before) && before.Viewer == viewer;
        viewers[signal.SessionId] = new Entry(viewer, expiresAt);
        if (!known)
        {
            Notify(signal.TicketId);
        }
    }

    /// <summary>Forgets sessions of other nodes that were not renewed in time.</summary>
    internal void ExpireRemote(DateTimeOffset now)
    {
        foreach (var (ticketId, viewers) in _viewers)
        {
            foreach (var (sessionId, entry) in viewers)
            {
                if (entry.ExpiresAt < now)
                {
                    Remove(ticketId, sessionId);
                }
            }
        }
    }

    private void SetLocal(Guid ticketId, TicketViewer viewer)
    {
        lock (_relayOrder)
        {
            _viewers.GetOrAdd(ticketId, _ => new())[viewer.SessionId] = new Entry(viewer, ExpiresAt: null);
            _relay?.Invoke(new PresenceSignal(ticketId, viewer.SessionId, viewer.AgentId, viewer.IsTyping, Left: false));
        }
        Notify(ticketId);
    }

    private void Leave(Guid ticketId, Guid sessionId, Guid agentId)
    {
        if (_listeners.TryGetValue(ticketId, out var listeners))
        {
            listeners.TryRemove(sessionId, out _);
        }
        lock (_relayOrder)
        {
            if (_viewers.TryGetValue(ticketId, out var viewers))
            {
                viewers.TryRemove(sessionId, out _);
            }
            _relay?.Invoke(new PresenceSignal(ticketId, sessionId, agentId, IsTyping: false, Left: true));
        }
        Notify(ticketId);
    }

    private void Remove(Guid ticketId, Guid sessionId)
    {
        if (_viewers.TryGetValue(ticketId, out var viewers))
        {
            viewers.TryRemove(sessionId, out _);
        }
        Notify(ticketId);
    }

    private void Notify(Guid ticketId)
    {
        if (_listeners.TryGetValue(ticketId, out var listeners))
        {
            foreach (var listener in listeners.Values)
            {
                listener();
            }
        }
    }

    /// <param name="ExpiresAt">Null for this node's sessions; when a relayed session is forgotten otherwise.</param>
    private sealed record Entry(TicketViewer Viewer, DateTimeOffset? ExpiresAt);

    public sealed class Session(TicketPresence presence, Guid ticketId, Guid id, Guid agentId, string name) : IDisposable
    {
        private bool _typing;

        public Guid Id { get; } = id;

        /// <summary>Says whether this session is writing; only real changes reach the others.</summary>
        public void Typing(bool typing)
        {
            if (typing != _typing)
            {
                _typing = typing;
                presence.SetLocal(ticketId, new TicketViewer(Id, agentId, name, typing));
            }
        }

        public void Dispose() => presence.Leave(ticketId, Id, agentId);
    }
}
