using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Heliodesk.Data;

/// <summary>
/// Per-connection SQLite settings. WAL lets readers run beside the writer; the journal mode is a
/// property of the file and is set at start-up, the rest belong to each connection. SQLite's own
/// lower() folds only A–Z; it is replaced with .NET's invariant lowercase so case-insensitive search
/// works for "Živilė" and "Јован" as it does on PostgreSQL (see Features/Contacts/NameSearch.cs).
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    private readonly string _sql = $"PRAGMA synchronous={(synchronous.Equals("Normal", StringComparison.OrdinalIgnoreCase) ? "NORMAL" : "FULL")}; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        UnicodeLower(connection);
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        UnicodeLower(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void UnicodeLower(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
}
