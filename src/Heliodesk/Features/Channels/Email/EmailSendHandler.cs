using System.Text;
using Heliodesk.Data;
using Heliodesk.Features.Outbox;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

public sealed record SendEmail(Guid OutboundEmailId);

/// <summary>
/// Sends a queued mail through its mailbox's SMTP server, or captures it (the dev mailbox) when the
/// mailbox has no SMTP server or the workspace has no mailbox. A 5xx answer is final; anything else
/// is retried by the outbox with backoff. The status change commits with the outbox's "done".
/// </summary>
public sealed class EmailSendHandler(HeliodeskDb db, MailConnections connections, TimeProvider time) : IOutboxHandler
{
    public const string SendKind = "email.send";

    public string Kind => SendKind;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var id = message.Read<SendEmail>().OutboundEmailId;
        var email = await db.Set<OutboundEmail>().FirstOrDefaultAsync(e => e.Id == id, ct)
            ?? throw new PermanentOutboxFailure($"Outbound email {id} no longer exists.");
        if (email.Status != OutboundStatus.Queued)
        {
            return;
        }
        Mailbox? mailbox = null;
        if (email.MailboxId is { } mailboxId)
        {
            mailbox = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == mailboxId, ct)
                ?? throw new PermanentOutboxFailure("The mailbox this mail was to be sent from was deleted.");
        }
        if (mailbox is not { CanSend: true })
        {
            (email.Status, email.SentAt) = (OutboundStatus.Captured, time.GetUtcNow());
            return;
        }
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(email.Mime), writable: false);
        var mime = await MimeMessage.LoadAsync(stream, ct);
        using var client = await connections.ConnectSmtpAsync(mailbox, ct);
        try
        {
            await client.SendAsync(mime, ct);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new PermanentOutboxFailure($"The mail server refused the message: {(int)e.StatusCode} {e.Message}");
        }
        await client.DisconnectAsync(true, ct);
        (email.Status, email.SentAt) = (OutboundStatus.Sent, time.GetUtcNow());
    }
}
