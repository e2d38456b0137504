using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// An agent's reply on a chat ticket reaches the visitor through their open stream (the ticket feed wakes it
/// after commit). When the visitor is not connected, so would never see it, the reply is also mailed to them,
/// with the ticket token in the subject so their answer threads back onto the same ticket.
/// </summary>
public sealed class WidgetReplies(HeliodeskDb db, WidgetLive live, CustomerEmail mail) : IReplyChannel
{
    public async Task ReplySentAsync(Ticket ticket, Message reply, string agentName, CancellationToken ct)
    {
        if (ticket.Channel != Channel.Chat || live.IsVisitorConnected(ticket.Id))
        {
            return;
        }
        var to = await db.ContactEmails.AsNoTracking().Where(e => e.ContactId == ticket.RequesterId)
            .OrderByDescending(e => e.IsPrimary).Select(e => e.Address).FirstOrDefaultAsync(ct);
        if (to is not null)
        {
            await mail.SendAsync(to, EmailReplies.ReplySubject(ticket), $"{agentName}:\n\n{reply.Text}", null, ct);
        }
    }
}
