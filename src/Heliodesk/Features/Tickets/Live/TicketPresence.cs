using System.Collections.Concurrent;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>Someone with a ticket open: who, and whether they are writing in its composer.</summary>
public sealed record TicketViewer(Guid SessionId, Guid AgentId, string Name, bool IsTyping);

/// <summary>
/// Who has which ticket open right now, so agents do not answer the same customer twice. Each open
/// ticket screen joins with a session of its own (one agent may have two tabs) and leaves on dispose.
/// In-process like <see cref="TicketFeed"/>; several nodes would share it over the same relay.
/// </summary>
public sealed class TicketPresence
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, TicketViewer>> _viewers = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Action>> _listeners = new();

    /// <summary>Joins the ticket; <paramref name="changed"/> is called whenever its viewers change.</summary>
    public Session Join(Guid ticketId, Guid agentId, string name, Action changed)
    {
        var session = new Session(this, ticketId, Guid.NewGuid(), agentId, name);
        _listeners.GetOrAdd(ticketId, _ => new())[session.Id] = changed;
        Set(ticketId, new TicketViewer(session.Id, agentId, name, false));
        return session;
    }

    public IReadOnlyList<TicketViewer> ViewersOf(Guid ticketId) =>
        _viewers.TryGetValue(ticketId, out var viewers) ? [.. viewers.Values.OrderBy(v => v.Name, StringComparer.CurrentCulture)] : [];

    private void Set(Guid ticketId, TicketViewer viewer)
    {
        _viewers.GetOrAdd(ticketId, _ => new())[viewer.SessionId] = viewer;
        Notify(ticketId);
    }

    private void Leave(Guid ticketId, Guid sessionId)
    {
        if (_viewers.TryGetValue(ticketId, out var viewers))
        {
            viewers.TryRemove(sessionId, out _);
        }
        if (_listeners.TryGetValue(ticketId, out var listeners))
        {
            listeners.TryRemove(sessionId, out _);
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
                presence.Set(ticketId, new TicketViewer(Id, agentId, name, typing));
            }
        }

        public void Dispose() => presence.Leave(ticketId, Id);
    }
}
