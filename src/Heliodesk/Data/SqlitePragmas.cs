using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Heliodesk.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the writer; the journal mode is a
/// property of the file and is set at start-up, the rest belong to each connection. SQLite's own
/// lower() folds only A–Z; it is replaced with .NET's invariant lowercase so case-insensitive search
/// works for "Živilė" and "Јован" as it does on PostgreSQL (see Features/Contacts/NameSearch.cs).
/// The pragmas stick to SQLite's database handle, which the driver's pool keeps open across logical
/// opens, so they run once per physical connection; the function belongs to the driver's connection
/// object and is registered on each open (no SQL, no round trip).
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous={(synchronous.Equals("Normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL")}; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        UnicodeLower(connection);
        if (!FirstOpen(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        UnicodeLower(connection);
        if (!FirstOpen(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Applies the same settings to a connection opened outside EF (the group-commit writer's).</summary>
    public void Configure(SqliteConnection connection) => ConnectionOpened(connection, null!);

    // A handle seen before already carries the pragmas.
    private bool FirstOpen(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle!;
        if (_configured.TryGetValue(handle, out _))
        {
            return false;
        }
        _configured.AddOrUpdate(handle, new object());
        return true;
    }

    private static void UnicodeLower(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
}
