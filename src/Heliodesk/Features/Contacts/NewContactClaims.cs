using System.Collections.Concurrent;

namespace Heliodesk.Features.Contacts;

/// <summary>
/// On SQLite, creates no longer hold the write lock while they look a contact up (docs/decisions/0008),
/// so two first messages from one new address could both decide to create it, and the second would
/// hit the address's unique key. The first to decide claims the address in memory (one process owns
/// a SQLite file); later ones wait until its request has finished and then look again.
/// </summary>
public sealed class NewContactClaims
{
    private readonly ConcurrentDictionary<(Guid Workspace, string Address), TaskCompletionSource> _claims = new();

    /// <summary>Null when the caller now holds the claim; otherwise a task that ends when the holder is done.</summary>
    internal Task? TryClaim(Guid workspaceId, string address, Held held)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = _claims.GetOrAdd((workspaceId, address), mine);
        if (current != mine)
        {
            return current.Task;
        }
        held.Add(() =>
        {
            _claims.TryRemove(new KeyValuePair<(Guid, string), TaskCompletionSource>((workspaceId, address), mine));
            mine.TrySetResult();
        });
        return null;
    }

    /// <summary>The claims one request holds, released when its scope ends (after its write committed or failed).</summary>
    public sealed class Held : IDisposable
    {
        private readonly List<Action> _releases = [];

        public void Add(Action release) => _releases.Add(release);

        public void Dispose()
        {
            foreach (var release in _releases)
            {
                release();
            }
            _releases.Clear();
        }
    }
}
