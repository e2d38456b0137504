using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Heliodesk.Bench;

/// <summary>
/// Fills a workspace with tickets in one set-based INSERT, straight into the database, for the
/// list benchmark's "1,000,000 tickets" condition: creating them through the API at the measured
/// create rate would take over an hour. The rows are what the API would store (same columns,
/// enums and number sequence); their mix is 5% open, 5% other unsolved, 90% solved or closed,
/// spread evenly over the teams (by blocks of 100, so each team gets the whole mix), all created
/// and last updated in the past. Messages and events are not generated: the list never reads them.
/// </summary>
internal static class BulkSeeder
{
    private const string StatusCase = """
        CASE WHEN i % 100 < 5 THEN 1 WHEN i % 100 < 7 THEN 0 WHEN i % 100 < 9 THEN 2 WHEN i % 100 < 10 THEN 3
             WHEN i % 100 < 55 THEN 4 ELSE 5 END
        """;

    private const string LanguageCase = """
        CASE i % 6 WHEN 0 THEN 'en' WHEN 1 THEN 'es' WHEN 2 THEN 'zh-Hans' WHEN 3 THEN 'tl' WHEN 4 THEN 'lt' ELSE 'sr-Cyrl' END
        """;

    public static async Task SeedAsync(string? postgres, string dataDir, string workspaceId, IReadOnlyList<string> teamIds, long count, CancellationToken ct)
    {
        if (teamIds.Count == 0)
        {
            throw new InvalidOperationException("bulk-seed needs teams; the workspace has none.");
        }
        var prefix = Guid.NewGuid().ToString("D")[..24].ToUpperInvariant(); // "xxxxxxxx-xxxx-xxxx-xxxx-": the last 12 digits count rows
        if (postgres is null)
        {
            await SeedSqliteAsync(Path.Combine(dataDir, "heliodesk.db"), workspaceId.ToUpperInvariant(), teamIds, count, prefix, ct);
        }
        else
        {
            await SeedPostgresAsync(postgres, Guid.Parse(workspaceId), teamIds, count, prefix.ToLowerInvariant(), ct);
        }
    }

    private static async Task SeedSqliteAsync(string file, string workspace, IReadOnlyList<string> teams, long count, string prefix, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Default Timeout=120");
        await connection.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var values = string.Join(", ", teams.Select((id, k) => $"({k}, '{id.ToUpperInvariant()}')"));
        // An hour back, so that "updated an hour after creation" never lies in the future: a ticket
        // created after the seed must sort first in a latest-change-first view (the ui scenario's arrivals).
        var now = DateTimeOffset.UtcNow.AddHours(-1).UtcTicks;
        var sql = $"""
            WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < $count - 1),
                 teams(k, id) AS (VALUES {values})
            INSERT INTO Tickets (Id, WorkspaceId, Number, Subject, Status, Priority, Urgency, Channel, Language, RequesterId,
                                 TeamId, Tier, CreatedAt, UpdatedAt, SolvedAt, ClosedAt, ReopenCount, TouchCount, Version)
            SELECT $prefix || printf('%012X', i), $ws, $start + i + 1, 'Seeded ticket ' || i, {StatusCase}, i % 4, 1, i % 6, {LanguageCase},
                   (SELECT RequesterId FROM Tickets WHERE WorkspaceId = $ws LIMIT 1), (SELECT id FROM teams WHERE k = (i / 100) % {teams.Count}), 1,
                   $now - i * 10000000, $now - i * 10000000 + 36000000000,
                   CASE WHEN i % 100 >= 10 THEN $now - i * 10000000 + 36000000000 END,
                   CASE WHEN i % 100 >= 55 THEN $now - i * 10000000 + 36000000000 END, 0, 1, 1
            FROM seq;
            UPDATE Workspaces SET LastTicketNumber = LastTicketNumber + $count WHERE Id = $ws;
            """;
        await using (var command = new SqliteCommand(sql, connection, transaction) { CommandTimeout = 0 })
        {
            var start = await ScalarAsync(connection, transaction, "SELECT LastTicketNumber FROM Workspaces WHERE Id = $ws", workspace, ct);
            command.Parameters.AddWithValue("$count", count);
            command.Parameters.AddWithValue("$prefix", prefix);
            command.Parameters.AddWithValue("$ws", workspace);
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$now", now);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        await using var analyze = new SqliteCommand("ANALYZE;", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, string workspace, CancellationToken ct)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("$ws", workspace);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task SeedPostgresAsync(string connectionString, Guid workspace, IReadOnlyList<string> teams, long count, string prefix, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var sql = $"""
            WITH teams AS (SELECT k - 1 AS k, id FROM unnest(@teams) WITH ORDINALITY AS t(id, k)),
                 start AS (SELECT "LastTicketNumber" AS n FROM "Workspaces" WHERE "Id" = @ws FOR UPDATE),
                 requester AS (SELECT "RequesterId" AS id FROM "Tickets" WHERE "WorkspaceId" = @ws LIMIT 1)
            INSERT INTO "Tickets" ("Id", "WorkspaceId", "Number", "Subject", "Status", "Priority", "Urgency", "Channel", "Language",
                                   "RequesterId", "TeamId", "Tier", "CreatedAt", "UpdatedAt", "SolvedAt", "ClosedAt", "ReopenCount", "TouchCount", "Version")
            SELECT (@prefix || lpad(to_hex(i), 12, '0'))::uuid, @ws, (SELECT n FROM start) + i + 1, 'Seeded ticket ' || i, {StatusCase},
                   i % 4, 1, i % 6, {LanguageCase}, (SELECT id FROM requester), (SELECT id FROM teams WHERE k = (i / 100) % {teams.Count}), 1,
                   now() - interval '1 hour' - make_interval(secs => i), now() - interval '1 hour' - make_interval(secs => i) + interval '1 hour',
                   CASE WHEN i % 100 >= 10 THEN now() - interval '1 hour' - make_interval(secs => i) + interval '1 hour' END,
                   CASE WHEN i % 100 >= 55 THEN now() - interval '1 hour' - make_interval(secs => i) + interval '1 hour' END, 0, 1, 1
            FROM generate_series(0::bigint, @count - 1) AS i;
            UPDATE "Workspaces" SET "LastTicketNumber" = "LastTicketNumber" + @count WHERE "Id" = @ws;
            """;
        await using (var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 })
        {
            command.Parameters.AddWithValue("teams", teams.Select(Guid.Parse).ToArray());
            command.Parameters.AddWithValue("ws", workspace);
            command.Parameters.AddWithValue("prefix", prefix);
            command.Parameters.AddWithValue("count", count);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        await using var analyze = new NpgsqlCommand("""ANALYZE "Tickets";""", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
