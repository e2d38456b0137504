using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets;

/// <summary>The ticket counts other features decide by, so none of them reads the Tickets table itself.</summary>
public sealed class TicketCounts(HeliodeskDb db)
{
    /// <summary>Tickets this contact asked for, in any status.</summary>
    public Task<int> RequestedByAsync(Guid contactId, CancellationToken ct) =>
        db.Tickets.CountAsync(t => t.RequesterId == contactId, ct);

    /// <summary>The organization's tickets that still need work.</summary>
    public Task<int> UnsolvedForOrganizationAsync(Guid organizationId, CancellationToken ct) =>
        db.Tickets.CountAsync(t => t.OrganizationId == organizationId && TicketStatuses.Unsolved.Contains(t.Status), ct);

    /// <summary>The team's tickets that can still change (anything not closed).</summary>
    public Task<int> NotClosedInTeamAsync(Guid teamId, CancellationToken ct) =>
        db.Tickets.CountAsync(t => t.TeamId == teamId && t.Status != TicketStatus.Closed, ct);
}
