using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Heliodesk.Common;

/// <summary>
/// Optimistic concurrency on the wire: responses carry `ETag: "7"`; a write may send `If-Match: "7"`
/// (or `"version": 7` in the body). A mismatch is a 409 that names the current version.
/// </summary>
public static class Versions
{
    public static int? Expected(HttpRequest request, int? fromBody)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return fromBody;
        }
        var raw = header.Trim();
        raw = raw.StartsWith("W/", StringComparison.Ordinal) ? raw[2..] : raw;
        return int.TryParse(raw.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new DomainRuleException("If-Match", "Send the ticket's version, e.g. If-Match: \"3\".");
    }

    public static ProblemHttpResult? Conflict(int? expected, int current, string what) =>
        expected is { } v && v != current
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Version conflict",
                detail: $"The {what} changed since you loaded it (you have version {v}, it is now {current}). Reload to see what changed.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = current })
            : null;

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
