using System.Runtime.CompilerServices;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Heliodesk.Features.Routing.Operations;

/// <summary>
/// Notices every saved change of an agent's status or capacity, whoever wrote it (the API, the UI, an admin
/// deactivating someone), and publishes it to the <see cref="PresenceFeed"/> once committed; dropped on rollback.
/// </summary>
internal sealed class PresenceFeedInterceptor(PresenceFeed feed) : AfterCommitInterceptor, ISaveChangesInterceptor
{
    // Contexts are pooled: what a context saved is kept beside it until its transaction ends.
    private readonly ConditionalWeakTable<DbContext, List<PresenceChange>> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    protected override void Committed(DbContext context) => feed.Publish(Take(context));

    protected override void Abandoned(DbContext context) => Take(context);

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // HeliodeskDb scanned for changes just before this save; scanning the whole tracker again here would cost
        // every save (a routing batch tracks hundreds of rows) to find the rare agent whose status changed.
        var autoDetect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            CollectScanned(context);
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private void CollectScanned(DbContext context)
    {
        var statuses = context.ChangeTracker.Entries<Agent>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && (e.Property(a => a.Status).IsModified || e.Property(a => a.IsActive).IsModified)))
            .Select(e => new PresenceChange(e.Entity.WorkspaceId, e.Entity.Id));
        var capacities = context.ChangeTracker.Entries<AgentCapacity>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(c => c.MaxConcurrentChats).IsModified || e.Property(c => c.MaxOpenTickets).IsModified)))
            .Select(e => new PresenceChange(e.Entity.WorkspaceId, e.Entity.AgentId));
        var changes = statuses.Concat(capacities).ToList();
        if (changes.Count > 0)
        {
            _pending.GetOrCreateValue(context).AddRange(changes);
        }
    }

    private List<PresenceChange> Take(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changes))
        {
            return [];
        }
        _pending.Remove(context);
        return [.. changes.Distinct()];
    }
}
