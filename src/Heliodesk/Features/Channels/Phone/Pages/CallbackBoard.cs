using Heliodesk.Common;
using Heliodesk.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Phone.Pages;

/// <summary>What a callback screen shows: the callbacks, who claimed them, and whether the viewer may work them.</summary>
public sealed record CallbackBoard(bool CanWork, IReadOnlyList<CallbackResponse> Callbacks, IReadOnlyDictionary<Guid, string> AgentNames, bool HasMore)
{
    /// <summary>
    /// The open queue as GET /api/v1/callbacks answers it (the same handler, so the same phone-skill rule),
    /// <paramref name="pages"/> pages of it, earliest window first.
    /// </summary>
    public static async Task<CallbackBoard> QueueAsync(UiWork work, bool mine, int pages, CancellationToken ct)
    {
        var (items, cursor) = (new List<CallbackResponse>(), (string?)null);
        for (var page = 0; page < pages; page++)
        {
            var answer = await CallbackListing.ListCallbacks(work.Caller, work.Db, work.Get<CallbackQueue>(), work.Get<TimeProvider>(),
                null, mine, null, Limits.ListPage, cursor, ct);
            if (answer.Result is not Ok<CallbackPage> { Value: { } found })
            {
                return new CallbackBoard(false, [], new Dictionary<Guid, string>(), false);
            }
            items.AddRange(found.Items);
            cursor = found.NextCursor;
            if (cursor is null)
            {
                break;
            }
        }
        return new CallbackBoard(true, items, await NamesAsync(work, ct), cursor is not null);
    }

    /// <summary>The ticket's callbacks still waiting: every agent who sees the ticket sees them; only callback workers act.</summary>
    public static async Task<CallbackBoard> ForTicketAsync(UiWork work, Guid ticketId, CancellationToken ct)
    {
        var queue = work.Get<CallbackQueue>();
        var open = queue.VisibleTo(work.Caller).Where(c => c.TicketId == ticketId && c.Status == CallbackStatus.Requested);
        var callbacks = await CallbackListing.ProjectAsync(work.Db, open, work.Get<TimeProvider>().GetUtcNow(), ct);
        return new CallbackBoard(await queue.CanWorkAsync(work.Caller, ct), callbacks,
            callbacks.Count == 0 ? new Dictionary<Guid, string>() : await NamesAsync(work, ct), false);
    }

    private static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(UiWork work, CancellationToken ct) =>
        await work.Db.Agents.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
}
