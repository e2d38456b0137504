using System.Globalization;
using System.Text.RegularExpressions;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Features.Tickets.Merge;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Finds the ticket a mail continues: first by its In-Reply-To/References (any mail we sent or
/// received on a ticket), then by a "[#1234]" token in the subject, then by a plus address
/// (support+1234@…). The last two are guessable, so they only count when the sender is the ticket's
/// requester; anyone else writing with them opens a ticket of their own.
/// </summary>
public sealed partial class MailThreading(HeliodeskDb db)
{
    /// <summary>The ticket the mail continues; a merged ticket's mail goes on to the ticket it was merged into.</summary>
    public async Task<Ticket?> FindTicketAsync(MimeMessage message, Mailbox mailbox, Guid senderContactId, CancellationToken ct) =>
        await ThreadedTicketAsync(message, mailbox, senderContactId, ct) is { } ticket ? await TicketMerge.LiveTicketAsync(db, ticket, ct) : null;

    private async Task<Ticket?> ThreadedTicketAsync(MimeMessage message, Mailbox mailbox, Guid senderContactId, CancellationToken ct)
    {
        var ids = message.References.Reverse().Prepend(message.InReplyTo).OfType<string>().Distinct().Take(50).ToList();
        if (ids.Count > 0)
        {
            var ticketId = await db.Set<OutboundEmail>().Where(e => ids.Contains(e.RfcMessageId) && e.TicketId != null).Select(e => e.TicketId)
                .Concat(db.Set<InboundEmail>().Where(e => ids.Contains(e.RfcMessageId)).Select(e => (Guid?)e.TicketId))
                .FirstOrDefaultAsync(ct);
            if (ticketId is { } found && await db.Tickets.Include(t => t.Tags).FirstOrDefaultAsync(t => t.Id == found, ct) is { } ticket)
            {
                return ticket;
            }
        }
        var number = SubjectNumber(message.Subject) ?? PlusNumber(message, mailbox.Address);
        return number is null ? null
            : await db.Tickets.Include(t => t.Tags).FirstOrDefaultAsync(t => t.Number == number && t.RequesterId == senderContactId, ct);
    }

    public static string SubjectToken(long number) => $"[#{number.ToString(CultureInfo.InvariantCulture)}]";

    private static long? SubjectNumber(string? subject) =>
        subject is not null && Token().Match(subject) is { Success: true } match ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static long? PlusNumber(MimeMessage message, string mailboxAddress)
    {
        var at = mailboxAddress.IndexOf('@');
        var (local, domain) = (mailboxAddress[..at], mailboxAddress[(at + 1)..]);
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(new[] { "Delivered-To", "X-Original-To", "Envelope-To" }.Select(h => message.Headers[h]).OfType<string>());
        foreach (var recipient in recipients)
        {
            var address = recipient.Trim().Trim('<', '>').ToLowerInvariant();
            if (address.EndsWith("@" + domain, StringComparison.Ordinal) && address.StartsWith(local + "+", StringComparison.Ordinal)
                && long.TryParse(address[(local.Length + 1)..address.IndexOf('@')], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\[#(\d{1,18})\]")]
    private static partial Regex Token();
}
