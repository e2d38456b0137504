using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing.Tank;

/// <summary>Which tickets are tank, for the badge on lists and on the ticket page.</summary>
public static class TankMarks
{
    /// <summary>
    /// The tank reason of each listed ticket that is tank: one lookup on the mark's key (workspace, ticket) for a
    /// whole page, never a query per row, so the inbox stays as fast as its listing.
    /// </summary>
    public static async Task<Dictionary<Guid, string>> ReasonsAsync(HeliodeskDb db, IReadOnlyCollection<Guid> ticketIds, CancellationToken ct) =>
        ticketIds.Count == 0 ? []
            : await db.Set<TankMark>().AsNoTracking().Where(m => ticketIds.Contains(m.TicketId)).ToDictionaryAsync(m => m.TicketId, m => m.Reason, ct);
}
