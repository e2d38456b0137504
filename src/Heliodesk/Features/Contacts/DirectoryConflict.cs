using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Heliodesk.Features.Contacts;

/// <summary>
/// 409 answers for the customer directory. A value that must be unique (an email address, an
/// external id) is checked before saving so the answer can name the field and the record holding it;
/// the database's unique and foreign keys still catch a concurrent request that slips in between.
/// </summary>
public static class DirectoryConflict
{
    /// <summary>A unique value already in use; `heldBy` is the id of the record that has it.</summary>
    public static ProblemHttpResult Taken(string field, string detail, Guid heldBy) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already in use", detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
                ["heldBy"] = heldBy,
            });

    public static ProblemHttpResult Refused(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>Saves, turning a key violation from a concurrent request into a 409 the client can retry.</summary>
    public static Task<ProblemHttpResult?> SaveAsync(HeliodeskDb db, CancellationToken ct) =>
        db.SaveOrConflictAsync("Another request changed the same records at the same moment. Reload and try again.", ct);
}
