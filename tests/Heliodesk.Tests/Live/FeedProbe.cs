using Heliodesk.Features.Tickets.Live;

namespace Heliodesk.Tests.Live;

/// <summary>
/// A feed subscriber a test can await: it records every change it hears and completes waits as soon
/// as a matching change arrives (no polling, no sleeps).
/// </summary>
internal sealed class FeedProbe : IDisposable
{
    /// <summary>How long a test waits for a relayed change before it fails.</summary>
    public static readonly TimeSpan Patience = Infrastructure.Patience.RealPeer;

    private readonly Lock _lock = new();
    private readonly List<TicketChange> _heard = [];
    private readonly List<(Func<TicketChange, bool> Match, TaskCompletionSource<TicketChange> Done)> _waits = [];
    private readonly IDisposable _subscription;

    public FeedProbe(TicketFeed feed, Guid workspaceId) => _subscription = feed.Subscribe(workspaceId, Hear);

    public IReadOnlyList<TicketChange> Heard
    {
        get
        {
            lock (_lock)
            {
                return [.. _heard];
            }
        }
    }

    public Task<TicketChange> WaitForAsync(Func<TicketChange, bool> match)
    {
        lock (_lock)
        {
            if (_heard.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }
            var done = new TaskCompletionSource<TicketChange>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((match, done));
            return done.Task.WaitAsync(Patience);
        }
    }

    private void Hear(TicketChange change)
    {
        lock (_lock)
        {
            _heard.Add(change);
            foreach (var wait in _waits.Where(w => w.Match(change)).ToList())
            {
                _waits.Remove(wait);
                wait.Done.TrySetResult(change);
            }
        }
    }

    public void Dispose() => _subscription.Dispose();
}
