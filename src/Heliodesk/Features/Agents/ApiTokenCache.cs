using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Heliodesk.Data;
using Heliodesk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Heliodesk.Features.Agents;

/// <summary>Who an API token speaks for, as its last database lookup found it.</summary>
internal sealed record TokenHolder(Guid TokenId, Guid? WorkspaceId, bool IsInstanceAdmin, DateTimeOffset? LastUsedAt, Guid? AgentId, Guid UserId, AgentRole Role, string Name);

/// <summary>
/// Remembers recent API-token lookups for a few seconds, so an integration's burst of calls costs one
/// query instead of one per call. Any saved change to a token or an agent on this node empties it at
/// once (before and after the commit, so a lookup racing the change cannot keep the old answer);
/// another node's change is seen within the lifetime (docs/decisions/0030).
/// </summary>
public sealed class ApiTokenCache(TimeProvider time, IOptions<HeliodeskOptions> options)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (TokenHolder Holder, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private long _generation;

    internal long Generation => Interlocked.Read(ref _generation);

    internal bool TryGet(string hash, out TokenHolder holder)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Expires > time.GetUtcNow())
        {
            holder = entry.Holder;
            return true;
        }
        holder = null!;
        return false;
    }

    /// <summary>Keeps a lookup that began at <paramref name="generation"/>, unless a change was saved since.</summary>
    internal void Remember(string hash, TokenHolder holder, long generation)
    {
        var lifetime = options.Value.ApiTokenCacheLifetime;
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[hash] = (holder, time.GetUtcNow() + lifetime);
        if (Generation != generation)
        {
            _entries.TryRemove(hash, out _);
        }
    }

    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}

/// <summary>
/// Empties the token cache when a save touches what a lookup returns (tokens, agents, users): once while
/// the save is prepared, and again when it commits, since a lookup in between still reads the old rows.
/// </summary>
internal sealed class ApiTokenCacheInvalidation(ApiTokenCache cache) : AfterCommitInterceptor, ISaveParticipant
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public ValueTask PrepareAsync(HeliodeskDb db, CancellationToken ct)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && entry.Entity is ApiToken or Agent or User)
            {
                cache.Forget();
                _pending.AddOrUpdate(db, Marker);
                break;
            }
        }
        return ValueTask.CompletedTask;
    }

    protected override void Committed(DbContext context) => ForgetIfPending(context);

    // A rolled-back change leaves the rows as they were; forgetting once more costs one lookup per token.
    protected override void Abandoned(DbContext context) => ForgetIfPending(context);

    private void ForgetIfPending(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            cache.Forget();
        }
    }
}
