using Heliodesk.Features.Tickets.Live;

namespace Heliodesk.Components.Shared;

/// <summary>
/// Keeps a component fresh from the <see cref="TicketFeed"/>: relevant changes in the agent's workspace
/// schedule one refresh after a short pause, so a burst of changes costs one re-read, not one each.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    private readonly IDisposable _subscription;
    private readonly Func<TicketChange, bool> _relevant;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<IReadOnlyList<TicketChange>, Task> _refresh;
    private readonly TimeSpan _pause;
    private readonly Lock _lock = new();
    private List<TicketChange>? _waiting;
    private bool _disposed;

    private LiveRefresh(TicketFeed feed, Guid workspaceId, Func<TicketChange, bool> relevant,
        Func<Func<Task>, Task> dispatch, Func<IReadOnlyList<TicketChange>, Task> refresh, TimeSpan pause)
    {
        (_relevant, _dispatch, _refresh, _pause) = (relevant, dispatch, refresh, pause);
        _subscription = feed.Subscribe(workspaceId, OnChange);
    }

    /// <param name="dispatch">The component's InvokeAsync, so the refresh runs on its renderer.</param>
    public static LiveRefresh Start(TicketFeed feed, Guid workspaceId, Func<Func<Task>, Task> dispatch,
        Func<IReadOnlyList<TicketChange>, Task> refresh, Func<TicketChange, bool>? relevant = null, TimeSpan? pause = null) =>
        new(feed, workspaceId, relevant ?? (_ => true), dispatch, refresh, pause ?? TimeSpan.FromMilliseconds(150));

    private void OnChange(TicketChange change)
    {
        if (!_relevant(change))
        {
            return;
        }
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            if (_waiting is not null)
            {
                _waiting.Add(change);
                return;
            }
            _waiting = [change];
        }
        _ = RunAfterPauseAsync();
    }

    private async Task RunAfterPauseAsync()
    {
        await Task.Delay(_pause);
        List<TicketChange> changes;
        lock (_lock)
        {
            (changes, _waiting) = (_waiting ?? [], null);
            if (_disposed)
            {
                return;
            }
        }
        // The circuit may be gone by now; a refresh that cannot reach it is simply dropped.
        try
        {
            await _dispatch(() => _refresh(changes));
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }
        _subscription.Dispose();
    }
}
