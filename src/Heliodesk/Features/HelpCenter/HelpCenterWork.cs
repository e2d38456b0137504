using Heliodesk.Common;
using Heliodesk.Data;

namespace Heliodesk.Features.HelpCenter;

/// <summary>
/// Help-center pages serve anonymous visitors (and agents of other workspaces browsing them), so the
/// request's own workspace scope cannot be used: each read or write runs in a fresh DI scope entered
/// into the site's workspace, every write in one transaction like <c>WithWriteTransaction</c>.
/// </summary>
public sealed class HelpCenterWork(IServiceScopeFactory scopes)
{
    public async Task<T> ReadAsync<T>(Guid workspaceId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
        return await work(scope.ServiceProvider);
    }

    public async Task<T> WriteAsync<T>(Guid workspaceId, Func<IServiceProvider, Task<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(workspaceId);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work(scope.ServiceProvider);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Finds a site by slug outside any workspace (sites are looked up before the workspace is known).</summary>
    public async Task<SiteInfo?> SiteAsync(string slug, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HelpCenterSites>().FindAsync(slug, ct);
    }
}
