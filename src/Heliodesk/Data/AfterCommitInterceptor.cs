using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Heliodesk.Data;

/// <summary>
/// Acts once what a context saved is durable: at commit when the save ran in a transaction (every API write
/// does), right after the save otherwise. On a rollback, or a failed save outside a transaction, the work is
/// abandoned instead, so nothing that did not happen is ever announced.
/// </summary>
public abstract class AfterCommitInterceptor : DbTransactionInterceptor, ISaveChangesInterceptor
{
    protected abstract void Committed(DbContext context);

    protected abstract void Abandoned(DbContext context);

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CommitIfOutsideTransaction(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        CommitIfOutsideTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            Abandoned(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Committed(context);
        }
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Abandoned(context);
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void CommitIfOutsideTransaction(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }
}
