using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Heliodesk.Data;

/// <summary>
/// Handlers check uniqueness and references before writing, but on PostgreSQL two requests can pass
/// the same check at once; the unique index (or a row deleted meanwhile) stops the second, which then
/// deserves a 409 it can retry, not a 500.
/// </summary>
public static class ConflictingWrites
{
    public static async Task<ProblemHttpResult?> SaveOrConflictAsync(this HeliodeskDb db, string detail, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException e) when (IsKeyViolation(e))
        {
            return Conflict(detail);
        }
    }

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>A unique, primary or foreign key refused the write.</summary>
    public static bool IsKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation,
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555 or 787, // UNIQUE, PRIMARYKEY, FOREIGNKEY
        _ => false,
    };
}
