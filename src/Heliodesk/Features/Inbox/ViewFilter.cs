using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Inbox;

/// <summary>
/// What a view shows. Built-in views and saved views are both just filters; they run through the same
/// <see cref="TicketListing"/> code as the API's ticket list, so a view and GET /tickets agree.
/// </summary>
public sealed record ViewFilter
{
    public List<TicketStatus> Statuses { get; init; } = [];
    public List<TicketPriority> Priorities { get; init; } = [];
    public List<Channel> Channels { get; init; } = [];
    public string? Language { get; init; }
    public Guid? TeamId { get; init; }

    /// <summary>Only tickets of the teams the viewing agent belongs to.</summary>
    public bool MyTeams { get; init; }

    public string? Tag { get; init; }
    public Guid? RequesterId { get; init; }

    /// <summary>"me", "none" (unassigned) or an agent id; null for anyone.</summary>
    public string? Assignee { get; init; }

    /// <summary>Only tickets solved within this many days (the "recently solved" view).</summary>
    public int? SolvedWithinDays { get; init; }

    /// <summary>"priority" (urgent first, then oldest first) or "-updated" (latest change first).</summary>
    public string Sort { get; init; } = "priority";

    public TicketQuery ToQuery(int limit, string? cursor) => new(
        Status: Statuses.Count == 0 ? null : string.Join(',', Statuses),
        AssigneeId: Assignee,
        TeamId: TeamId?.ToString(),
        Priority: Priorities.Count == 0 ? null : string.Join(',', Priorities),
        Tag: Tag,
        Channel: Channels.Count == 0 ? null : string.Join(',', Channels),
        Language: Language,
        RequesterId: RequesterId,
        Sort: Sort,
        Limit: limit,
        Cursor: cursor);

    /// <summary>The parts a TicketQuery cannot say (my teams, solved recently), applied before it.</summary>
    public IQueryable<Ticket> Narrow(IQueryable<Ticket> tickets, HeliodeskDb db, Caller caller, DateTimeOffset now)
    {
        if (MyTeams)
        {
            // An uncorrelated IN (SELECT ...) over the agent's few teams, so the database reads each team's
            // range of the (WorkspaceId, TeamId, Status, Number) index instead of probing every ticket.
            var myTeams = db.TeamMembers.Where(m => m.AgentId == caller.AgentId).Select(m => (Guid?)m.TeamId);
            tickets = tickets.Where(t => myTeams.Contains(t.TeamId));
        }
        if (SolvedWithinDays is { } days)
        {
            var since = now.AddDays(-days);
            tickets = tickets.Where(t => t.SolvedAt >= since);
        }
        return tickets;
    }
}
