using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;
using Heliodesk.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Heliodesk.Features.Channels.Email;

/// <summary>Everything needed to build one outgoing mail.</summary>
public sealed record OutgoingDraft(
    Mailbox? Mailbox, string FromName, string To, string? ToName, string Subject, MessageBody Body, OutboundPurpose Purpose,
    Guid? TicketId = null, Guid? MessageId = null, string? InReplyTo = null, IReadOnlyList<string>? References = null,
    IReadOnlyList<Attachment>? Attachments = null, bool Automatic = false);

/// <summary>
/// The one way any feature emails a customer (a help-center sign-in link, a survey, a reply). Call
/// <see cref="SendAsync"/> inside your write transaction: the mail is built now and sent by the
/// outbox after your commit, from the workspace's first mailbox (or Heliodesk:Email:DefaultFrom),
/// retried with backoff, and captured in the dev mailbox when no SMTP server is configured.
/// </summary>
public sealed class CustomerEmail(
    HeliodeskDb db, WorkspaceScope scope, Outbox.Outbox outbox, IOptions<EmailOptions> options, IOptions<HeliodeskOptions> host, TimeProvider time)
{
    /// <summary>Queues a mail to <paramref name="to"/>; returns its id (the outbox id too). The caller saves.</summary>
    public async Task<Guid> SendAsync(string to, string subject, string text, string? html = null, CancellationToken ct = default)
    {
        if (!EmailAddress.IsValid(to))
        {
            throw new DomainRuleException("email", "Enter a valid email address.");
        }
        var mailbox = await db.Set<Mailbox>().Where(m => m.Enabled).OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(ct);
        var sender = await WorkspaceNameAsync(ct);
        var email = await QueueAsync(new OutgoingDraft(mailbox, sender, EmailAddress.Normalize(to), null, subject,
            MessageBody.From(text, html), OutboundPurpose.Notification, Automatic: true), ct);
        return email.Id;
    }

    public Task<string> WorkspaceNameAsync(CancellationToken ct) =>
        db.Workspaces.Where(w => w.Id == scope.WorkspaceId).Select(w => w.Name).SingleAsync(ct);

    /// <summary>Builds the complete MIME message now, so its Message-ID is known to thread the answer.</summary>
    public async Task<OutboundEmail> QueueAsync(OutgoingDraft draft, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var from = draft.Mailbox?.Address ?? options.Value.DefaultFrom;
        var rfcId = $"{id:N}@{EmailAddress.Domain(from)}";
        var message = new MimeMessage { Subject = draft.Subject, MessageId = rfcId, Date = time.GetUtcNow() };
        message.From.Add(new MailboxAddress(draft.FromName, from));
        message.To.Add(new MailboxAddress(draft.ToName, draft.To));
        if (draft.InReplyTo is not null)
        {
            message.InReplyTo = draft.InReplyTo;
        }
        foreach (var reference in draft.References ?? [])
        {
            message.References.Add(reference);
        }
        if (draft.Automatic)
        {
            // RFC 3834: auto-responders must not answer this, which stops two help desks mailing each other forever.
            message.Headers.Add(HeaderId.AutoSubmitted, draft.Purpose == OutboundPurpose.Acknowledgement ? "auto-replied" : "auto-generated");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }
        var body = new BodyBuilder { TextBody = draft.Body.Text, HtmlBody = draft.Body.Html };
        foreach (var attachment in draft.Attachments ?? [])
        {
            await using var stream = File.OpenRead(host.Value.DataPath(attachment.StoragePath));
            await body.Attachments.AddAsync(attachment.FileName, stream, ContentType.Parse(attachment.ContentType), ct);
        }
        message.Body = body.ToMessageBody();
        message.Prepare(EncodingConstraint.SevenBit);

        var email = new OutboundEmail
        {
            Id = id,
            WorkspaceId = scope.WorkspaceId,
            MailboxId = draft.Mailbox?.Id,
            TicketId = draft.TicketId,
            MessageId = draft.MessageId,
            Purpose = draft.Purpose,
            RfcMessageId = rfcId,
            FromAddress = from,
            ToAddress = draft.To,
            Subject = draft.Subject[..Math.Min(draft.Subject.Length, Limits.Subject)],
            Mime = message.ToString(),
            CreatedAt = time.GetUtcNow(),
        };
        db.Set<OutboundEmail>().Add(email);
        outbox.Enqueue(EmailSendHandler.SendKind, new SendEmail(id), draft.TicketId, id);
        return email;
    }
}
