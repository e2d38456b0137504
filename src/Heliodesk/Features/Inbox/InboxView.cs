using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Inbox;

/// <summary>A view in the left rail: built in (named by a resource key) or saved by an agent.</summary>
public sealed record InboxView(string Key, string Name, ViewFilter Filter, bool IsBuiltIn, bool IsShared = false, Guid? OwnerAgentId = null)
{
    public const string DefaultKey = "my-open";

    private static readonly List<TicketStatus> Unsolved = [.. TicketStatuses.Unsolved];

    /// <summary>The views every agent has; Name is a key into the UI's resources.</summary>
    public static IReadOnlyList<InboxView> BuiltIn { get; } =
    [
        new("my-open", "View.MyOpen", new ViewFilter { Statuses = Unsolved, Assignee = "me" }, true),
        new("unassigned", "View.Unassigned", new ViewFilter { Statuses = Unsolved, Assignee = "none" }, true),
        new("my-teams", "View.MyTeams", new ViewFilter { Statuses = Unsolved, MyTeams = true }, true),
        new("all-open", "View.AllOpen", new ViewFilter { Statuses = [TicketStatus.New, TicketStatus.Open] }, true),
        new("pending", "View.Pending", new ViewFilter { Statuses = [TicketStatus.Pending, TicketStatus.OnHold] }, true),
        new("solved", "View.Solved", new ViewFilter { Statuses = [TicketStatus.Solved, TicketStatus.Closed], SolvedWithinDays = 7, Sort = "-updated" }, true),
    ];
}
