using System.ComponentModel;
using System.Globalization;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

public sealed record TicketQuery(
    [property: Description("Comma-separated statuses (new, open, pending, onHold, solved, closed) or 'unsolved'.")] string? Status = null,
    [property: Description("An agent id, 'me' or 'none' (unassigned).")] string? AssigneeId = null,
    [property: Description("A team id or 'none'.")] string? TeamId = null,
    [property: Description("Comma-separated priorities.")] string? Priority = null,
    string? Tag = null,
    [property: Description("Comma-separated channels: email, helpCenter, widget, chat, phone, api, webhook.")] string? Channel = null,
    string? Language = null,
    Guid? RequesterId = null,
    [property: Description("-created (default), created, -updated, updated, or priority (urgent first, oldest first).")] string? Sort = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>Ticket lists: every filter an inbox view needs, keyset-paginated on an indexed sort key.</summary>
public static class TicketListing
{
    public static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<TicketPage>> ListTickets(
        [AsParameters] TicketQuery query, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        return TypedResults.Ok(await PageAsync(db.Tickets.AsNoTracking().VisibleTo(db, caller), query, caller, db, ct));
    }

    /// <summary>One page of <paramref name="tickets"/> (already narrowed to what the caller may see) for a query.</summary>
    public static async Task<TicketPage> PageAsync(IQueryable<Ticket> tickets, TicketQuery query, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var limit = Cursor.Limit(query.Limit);
        var page = await Sorted(Filter(tickets, query, caller, db), query.Sort, query.Cursor).Take(limit + 1)
            .Select(TicketProjection.ToResponse(db)).ToListAsync(ct);
        var next = page.Count > limit ? NextCursor(page[limit - 1], query.Sort) : null;
        return new TicketPage(page.Take(limit).ToList(), next);
    }

    /// <summary>How many tickets a query matches (the filters only; sort and cursor do not count).</summary>
    public static Task<int> CountAsync(IQueryable<Ticket> tickets, TicketQuery query, Caller caller, HeliodeskDb db, CancellationToken ct) =>
        Filter(tickets, query, caller, db).CountAsync(ct);

    public static Task<TicketResponse?> ProjectAsync(HeliodeskDb db, IQueryable<Ticket> tickets, CancellationToken ct) =>
        tickets.AsNoTracking().Select(TicketProjection.ToResponse(db)).FirstOrDefaultAsync(ct);

    private static IQueryable<Ticket> Filter(IQueryable<Ticket> q, TicketQuery query, Caller caller, HeliodeskDb db)
    {
        if (query.Status is { } status)
        {
            var statuses = status.Equals("unsolved", StringComparison.OrdinalIgnoreCase) ? TicketStatuses.Unsolved : Fields.Enums<TicketStatus>(status, "status");
            q = statuses.Length == 1 ? q.Where(t => t.Status == statuses[0]) : q.Where(t => statuses.Contains(t.Status));
        }
        if (query.Priority is { } priority)
        {
            var priorities = Fields.Enums<TicketPriority>(priority, "priority");
            q = q.Where(t => priorities.Contains(t.Priority));
        }
        if (query.AssigneeId is { } assignee)
        {
            var assigneeId = assignee switch { "none" => (Guid?)null, "me" => caller.AgentId, _ => ParseId(assignee, "assigneeId") };
            q = q.Where(t => t.AssigneeId == assigneeId);
        }
        if (query.TeamId is { } team)
        {
            var teamId = team == "none" ? (Guid?)null : ParseId(team, "teamId");
            q = q.Where(t => t.TeamId == teamId);
        }
        if (query.Tag is { } rawTag)
        {
            var tag = TicketTag.Normalize(rawTag) ?? throw new DomainRuleException("tag", "Not a valid tag.");
            q = q.Where(t => db.TicketTags.Any(g => g.TicketId == t.Id && g.Name == tag));
        }
        if (query.Language is { } rawLanguage)
        {
            var language = Fields.Language(rawLanguage);
            q = q.Where(t => t.Language == language || t.Language.StartsWith(language + "-"));
        }
        if (query.Channel is { } channel)
        {
            var channels = Fields.Enums<Channel>(channel, "channel");
            q = q.Where(t => channels.Contains(t.Channel));
        }
        return query.RequesterId is { } requester ? q.Where(t => t.RequesterId == requester) : q;
    }

    private static IQueryable<Ticket> Sorted(IQueryable<Ticket> q, string? sort, string? cursor)
    {
        switch (sort ?? "-created")
        {
            case "created":
                var after = Cursor.Decode(cursor, 1);
                return (after.Length == 0 ? q : q.Where(t => t.Number > long.Parse(after[0], CultureInfo.InvariantCulture))).OrderBy(t => t.Number);
            case "-created":
                var before = Cursor.Decode(cursor, 1);
                return (before.Length == 0 ? q : q.Where(t => t.Number < long.Parse(before[0], CultureInfo.InvariantCulture))).OrderByDescending(t => t.Number);
            case "updated" or "-updated":
                var key = Cursor.Decode(cursor, 2);
                if (key.Length == 2)
                {
                    var (at, n) = (DateTimeOffset.Parse(key[0], CultureInfo.InvariantCulture), long.Parse(key[1], CultureInfo.InvariantCulture));
                    q = sort == "updated"
                        ? q.Where(t => t.UpdatedAt > at || (t.UpdatedAt == at && t.Number > n))
                        : q.Where(t => t.UpdatedAt < at || (t.UpdatedAt == at && t.Number < n));
                }
                return sort == "updated" ? q.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Number) : q.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number);
            case "priority":
                var p = Cursor.Decode(cursor, 2);
                if (p.Length == 2)
                {
                    var (priority, n) = (Enum.Parse<TicketPriority>(p[0]), long.Parse(p[1], CultureInfo.InvariantCulture));
                    q = q.Where(t => t.Priority < priority || (t.Priority == priority && t.Number > n));
                }
                return q.OrderByDescending(t => t.Priority).ThenBy(t => t.Number);
            default:
                throw new DomainRuleException("sort", "Sort by -created, created, -updated, updated or priority.");
        }
    }

    private static string NextCursor(TicketResponse last, string? sort) => sort switch
    {
        "updated" or "-updated" => Cursor.Encode(last.UpdatedAt.ToString("O", CultureInfo.InvariantCulture), last.Number),
        "priority" => Cursor.Encode(last.Priority.ToString(), last.Number),
        _ => Cursor.Encode(last.Number),
    };

    private static Guid? ParseId(string raw, string field) => Fields.Id(raw, field, "Use an id, 'me' or 'none'.");

}
