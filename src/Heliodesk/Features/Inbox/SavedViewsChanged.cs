using System.Collections.Concurrent;

namespace Heliodesk.Features.Inbox;

/// <summary>
/// Tells an agent's open rails that their views were saved or deleted (in this or another tab), so the
/// rail shows the new list without a reload. Shared views reach everyone at their next ticket change.
/// </summary>
public sealed class SavedViewsChanged
{
    private readonly ConcurrentDictionary<Action, Guid> _listeners = new();

    public IDisposable Subscribe(Guid agentId, Action listener)
    {
        _listeners[listener] = agentId;
        return new Unsubscriber(() => _listeners.TryRemove(listener, out _));
    }

    public void Notify(Guid agentId)
    {
        foreach (var (listener, owner) in _listeners)
        {
            if (owner == agentId)
            {
                listener();
            }
        }
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
