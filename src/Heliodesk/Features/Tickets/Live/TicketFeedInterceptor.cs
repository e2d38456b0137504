using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>
/// Publishes the ticket changes a context saved once they are durable (see <see cref="AfterCommitInterceptor"/>),
/// so no screen ever shows a change that did not happen.
/// </summary>
internal sealed class TicketFeedInterceptor(TicketFeed feed) : AfterCommitInterceptor
{
    protected override void Committed(DbContext context)
    {
        if (context is HeliodeskDb db && db.TakeCommittedTicketChanges() is { Count: > 0 } changes)
        {
            feed.Publish(changes);
        }
    }

    protected override void Abandoned(DbContext context) => (context as HeliodeskDb)?.TakeCommittedTicketChanges();
}
