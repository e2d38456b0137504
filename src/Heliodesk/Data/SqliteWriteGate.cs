using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Heliodesk.Data;

/// <summary>
/// SQLite allows one writer at a time. Left to itself, a second writer gets SQLITE_BUSY and the
/// driver sleeps and retries, which wrecks tail latency. One node owns the file, so we queue write
/// transactions on an async semaphore instead: waiters cost nothing and go in arrival order.
/// The gate is released when the transaction ends, or at the latest when its connection closes.
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = [];

    /// <summary>For a writer that runs its own transactions outside EF (the group-commit writer).</summary>
    public Task EnterAsync(CancellationToken ct) => _gate.WaitAsync(ct);

    public void Exit() => _gate.Release();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        _holders.AddOrUpdate(connection, new Holder());
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        _gate.Wait();
        _holders.AddOrUpdate(connection, new Holder());
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData);
        return Task.CompletedTask;
    }

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(connection);
        return Task.CompletedTask;
    }

    private void Release(DbContextEventData eventData)
    {
        // The driver forgets a finished transaction's connection; the context still knows it.
        if (eventData.Context?.Database.GetDbConnection() is { } connection)
        {
            Release(connection);
        }
    }

    private void Release(DbConnection connection)
    {
        if (_holders.TryGetValue(connection, out var holder) && _holders.Remove(connection) && !holder.Released)
        {
            holder.Released = true;
            _gate.Release();
        }
    }

    private sealed class Holder
    {
        public bool Released { get; set; }
    }
}
