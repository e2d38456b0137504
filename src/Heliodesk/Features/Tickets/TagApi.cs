using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

public sealed record TagCount(string Name, int Tickets);

public static class TagApi
{
    public static RouteGroupBuilder MapTagApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tags", ListTags).WithTags("Tags").RequireAuthorization(Policies.Agent).WithName(nameof(ListTags));
        return api;
    }

    /// <summary>The workspace's tags, most used first; `prefix` narrows them for autocomplete.</summary>
    public static async Task<Ok<List<TagCount>>> ListTags(HeliodeskDb db, string? prefix, int? limit, CancellationToken ct)
    {
        var tags = db.TicketTags.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            var p = prefix.Trim().ToLowerInvariant();
            tags = tags.Where(t => t.Name.StartsWith(p));
        }
        var take = Heliodesk.Common.Cursor.Limit(limit, 100);
        var counts = await tags.GroupBy(t => t.Name).Select(g => new { Name = g.Key, Tickets = g.Count() })
            .OrderByDescending(t => t.Tickets).ThenBy(t => t.Name).Take(take).ToListAsync(ct);
        return TypedResults.Ok(counts.ConvertAll(t => new TagCount(t.Name, t.Tickets)));
    }
}
