using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Components.Authorization;

namespace Heliodesk.Components;

/// <summary>What one UI operation works with: a fresh database context scoped to the agent's workspace.</summary>
public sealed record UiWork(HeliodeskDb Db, Caller Caller, IServiceProvider Services)
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>
/// A server circuit lives for hours, but a DbContext must not: every read or write from a component
/// runs in its own DI scope, entered into the signed-in agent's workspace exactly like an API request,
/// and every write in one transaction (like <c>WithWriteTransaction</c>), so the UI and the API share rules.
/// </summary>
public sealed class UiSession(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<Caller> CallerAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Caller.From(state.User) ?? throw new InvalidOperationException("The UI session has no signed-in agent.");
    }

    public async Task<AgentPreferences> PreferencesAsync() =>
        AgentPreferences.From((await authentication.GetAuthenticationStateAsync()).User);

    public async Task<T> ReadAsync<T>(Func<UiWork, Task<T>> work)
    {
        var caller = await CallerAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(caller.WorkspaceId);
        return await work(new UiWork(scope.ServiceProvider.GetRequiredService<HeliodeskDb>(), caller, scope.ServiceProvider));
    }

    public async Task<T> WriteAsync<T>(Func<UiWork, Task<T>> work, CancellationToken ct = default)
    {
        var caller = await CallerAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WorkspaceScope>().Enter(caller.WorkspaceId);
        var db = scope.ServiceProvider.GetRequiredService<HeliodeskDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work(new UiWork(db, caller, scope.ServiceProvider));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
