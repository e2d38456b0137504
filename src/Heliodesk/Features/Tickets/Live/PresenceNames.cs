using System.Collections.Concurrent;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>
/// The display name of an agent seen on another node's ticket screen. Presence signals carry ids only,
/// so the name is read here once per agent and kept for the process (a rename shows after a restart).
/// </summary>
public sealed class PresenceNames(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<Guid, string> _names = new();

    public async ValueTask<string> NameOfAsync(Guid agentId, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(agentId, out var known))
        {
            return known;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        // Not scoped to a workspace: the relay serves them all, and it only resolves an id another node sent.
        var name = await db.Set<Agent>().IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Id == agentId).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null ? "" : _names.GetOrAdd(agentId, name);
    }
}
