using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Heliodesk.Features.Agents;

/// <summary>
/// Handlers check uniqueness before writing, but on PostgreSQL two requests can pass the same check
/// at once; the unique index stops the second, which then deserves a 409, not a 500.
/// </summary>
internal static class ConflictingWrites
{
    public static async Task<ProblemHttpResult?> SaveOrConflictAsync(this HeliodeskDb db, string detail, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return Conflict(detail);
        }
    }

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    // 23505: unique_violation. SQLite 2067 / 1555: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            or SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };
}
