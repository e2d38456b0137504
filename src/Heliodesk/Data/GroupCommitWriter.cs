using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Data;

/// <summary>
/// SQLite's single writer with group commit (docs/decisions/0008). Requests prepare their rows on
/// their own threads and queue them; one loop takes whatever has queued, writes each request's rows
/// under its own savepoint (a failing request rolls back alone), commits the lot in one transaction
/// (one fsync), and only then completes every request in it. A request completes only once its rows
/// are durable, or fails with the error of its own rows.
/// </summary>
internal sealed class GroupCommitWriter(string connectionString, SqliteWriteGate gate, SqlitePragmas pragmas) : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<InsertShape, SqliteCommand> _commands = [];
    private readonly List<Action<SqliteConnection, SqliteTransaction>> _beforeCommit = [];
    private readonly Lock _start = new();
    private Task? _loop;
    private SqliteConnection? _connection;

    /// <summary>The write lock this writer shares with EF's transactions (tests hold it to line writes up).</summary>
    internal SqliteWriteGate Gate => gate;

    /// <summary>Work that must join every batch's transaction (e.g. persisting counters handed out in memory).</summary>
    public void BeforeEachCommit(Action<SqliteConnection, SqliteTransaction> step)
    {
        lock (_start)
        {
            _beforeCommit.Add(step);
        }
    }

    /// <summary>Completes when the rows are committed; faults with a DbUpdateException if they were refused.</summary>
    public Task WriteAsync(IReadOnlyList<RowInsert> rows)
    {
        var pending = new PendingWrite(rows);
        lock (_start)
        {
            _loop ??= Task.Run(RunAsync);
        }
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The database writer is shutting down.");
        }
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            // The same gate EF's write transactions take, so this writer and theirs never collide.
            await gate.EnterAsync(CancellationToken.None);
            try
            {
                Commit(batch);
            }
            finally
            {
                gate.Exit();
            }
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        try
        {
            var connection = _connection ??= Open();
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                foreach (var pending in batch)
                {
                    WriteOne(pending, transaction);
                }
                foreach (var step in _beforeCommit)
                {
                    step(connection, transaction);
                }
                transaction.Commit();
            }
            foreach (var pending in batch)
            {
                pending.Complete();
            }
        }
        catch (Exception e)
        {
            // The commit itself failed (disk full, I/O error): nothing in this batch is durable.
            Reset();
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new DbUpdateException("The batch holding this write could not be committed.", e));
            }
        }
    }

    private void WriteOne(PendingWrite pending, SqliteTransaction transaction)
    {
        transaction.Save("w");
        try
        {
            foreach (var row in pending.Rows)
            {
                Execute(row, transaction);
            }
            transaction.Release("w");
        }
        catch (Exception e)
        {
            transaction.Rollback("w");
            transaction.Release("w");
            pending.Refused = new DbUpdateException("The database refused this write; the rest of its batch was kept.", e);
        }
    }

    private void Execute(RowInsert row, SqliteTransaction transaction)
    {
        var shape = row.Shape;
        if (!_commands.TryGetValue(shape, out var command))
        {
            command = transaction.Connection!.CreateCommand();
            command.CommandText = shape.Sql;
            _commands[shape] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        for (var i = 0; i < row.Values.Length; i++)
        {
            command.Parameters.Add(shape.Mappings[i].CreateParameter(command, "$p" + i, row.Values[i], shape.Columns[i].IsNullable));
        }
        command.ExecuteNonQuery(); // Prepared once per command; later runs only bind and step.
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        pragmas.Configure(connection);
        return connection;
    }

    private void Reset()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }
        _commands.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
        Reset();
    }

    private sealed class PendingWrite(IReadOnlyList<RowInsert> rows)
    {
        public IReadOnlyList<RowInsert> Rows { get; } = rows;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public DbUpdateException? Refused { get; set; }

        public void Complete()
        {
            if (Refused is null)
            {
                Done.TrySetResult();
            }
            else
            {
                Done.TrySetException(Refused);
            }
        }
    }
}
