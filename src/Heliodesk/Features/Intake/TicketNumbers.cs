using System.Collections.Concurrent;
using Heliodesk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Heliodesk.Features.Intake;

/// <summary>
/// Hands out ticket numbers without holding a lock for the rest of the create (docs/decisions/0009).
/// Numbers are unique and increasing per workspace; a create that fails after taking one leaves a gap.
/// SQLite: one process owns the file, so the counter lives in memory, seeded from the database on
/// first use, and the high-water mark is written back in every transaction that uses a number.
/// PostgreSQL: one autonomous UPDATE … RETURNING, committed at once, so parallel creates in one
/// workspace never wait on each other's transactions.
/// </summary>
public sealed class TicketNumbers
{
    private readonly ConcurrentDictionary<Guid, Counter> _counters = new();

    internal TicketNumbers(GroupCommitWriter? writer) => writer?.BeforeEachCommit(Persist);

    public async Task<long> NextAsync(HeliodeskDb db, Guid workspaceId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            return await NextOnPostgresAsync(db, workspaceId, ct) ?? await NextInTransactionAsync(db, workspaceId, ct);
        }
        if (!_counters.TryGetValue(workspaceId, out var counter))
        {
            var seed = await db.Workspaces.IgnoreQueryFilters().Where(w => w.Id == workspaceId)
                .Select(w => Math.Max(w.LastTicketNumber, db.Tickets.IgnoreQueryFilters().Where(t => t.WorkspaceId == workspaceId).Max(t => (long?)t.Number) ?? 0))
                .SingleAsync(ct);
            counter = _counters.GetOrAdd(workspaceId, _ => new Counter(seed));
        }
        var number = Interlocked.Increment(ref counter.Last);
        if (db.Database.CurrentTransaction is not null)
        {
            // An EF transaction (not the group-commit writer) will use it: record it there.
            await db.Workspaces.IgnoreQueryFilters().Where(w => w.Id == workspaceId && w.LastTicketNumber < number)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastTicketNumber, number), ct);
        }
        return number;
    }

    // Null when the workspace is not visible outside this transaction (created in it, e.g. the demo).
    private static async Task<long?> NextOnPostgresAsync(HeliodeskDb db, Guid workspaceId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """UPDATE "Workspaces" SET "LastTicketNumber" = "LastTicketNumber" + 1 WHERE "Id" = @id RETURNING "LastTicketNumber" """, connection);
        command.Parameters.AddWithValue("id", workspaceId);
        return (long?)await command.ExecuteScalarAsync(ct);
    }

    private static async Task<long> NextInTransactionAsync(HeliodeskDb db, Guid workspaceId, CancellationToken ct)
    {
        await db.Workspaces.IgnoreQueryFilters().Where(w => w.Id == workspaceId)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.LastTicketNumber, w => w.LastTicketNumber + 1), ct);
        return await db.Workspaces.IgnoreQueryFilters().Where(w => w.Id == workspaceId).Select(w => w.LastTicketNumber).SingleAsync(ct);
    }

    // Runs inside each group-commit batch, under the write lock. If the stored mark is ahead of ours, a
    // tool wrote tickets straight into the database: later numbers continue after its mark.
    private void Persist(SqliteConnection connection, SqliteTransaction transaction)
    {
        foreach (var (workspaceId, counter) in _counters)
        {
            var last = Volatile.Read(ref counter.Last);
            if (last == counter.Persisted)
            {
                continue;
            }
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """UPDATE "Workspaces" SET "LastTicketNumber" = max("LastTicketNumber", $last) WHERE "Id" = $id RETURNING "LastTicketNumber" """;
            command.Parameters.AddWithValue("$last", last);
            command.Parameters.AddWithValue("$id", workspaceId.ToString().ToUpperInvariant());
            var stored = command.ExecuteScalar() is long value ? value : last;
            while (stored > (last = Volatile.Read(ref counter.Last)) && Interlocked.CompareExchange(ref counter.Last, stored, last) != last)
            {
            }
            counter.Persisted = Math.Max(stored, counter.Persisted);
        }
    }

    private sealed class Counter(long seed)
    {
        public long Last = seed;
        public long Persisted = seed;
    }
}
