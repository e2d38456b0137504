using System.Security.Cryptography;
using System.Text;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Intake;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>A visitor the widget knows: the contact behind them and whether the host vouched for them.</summary>
public sealed record WidgetVisitor(Contact Contact, bool Verified);

/// <summary>
/// Who is writing from the widget and which conversation is theirs. A host-signed identity (HMAC over the user
/// id) matches or creates the contact and sets the attributes agents see; anything else is an anonymous visitor
/// known only by the email they typed. Each chat gets a random session token that opens that one conversation.
/// </summary>
public sealed class WidgetVisitors(HeliodeskDb db, WidgetSecrets secrets, ContactDirectory contacts, Intake.Intake intake, TimeProvider time)
{
    public async Task<WidgetVisitor> IdentifyAsync(WidgetIdentity? identity, string? typedName, string? typedEmail, string? language, string? timeZone, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (identity?.UserId is { Length: > 0 } userId && await secrets.VerifiesAsync(userId, identity.Signature, ct))
        {
            var contact = await db.Contacts.Include(c => c.Emails).FirstOrDefaultAsync(c => c.ExternalId == userId, ct);
            if (contact is null)
            {
                var email = identity.Email ?? typedEmail;
                contact = await contacts.FindOrCreateAsync(new RequesterInfo(CheckedEmail(email), identity.Name ?? typedName, language, timeZone), now, ct);
                // One id per person: an address that already belongs to another id keeps that id.
                contact.ExternalId ??= userId;
            }
            ApplyAttributes(contact, identity, now);
            // Saved now (inside the request's transaction), so intake finds this contact rather than staging a second one.
            await db.SaveChangesAsync(ct);
            return new WidgetVisitor(contact, Verified: true);
        }
        var visitor = await contacts.FindOrCreateAsync(new RequesterInfo(CheckedEmail(typedEmail), typedName, language, timeZone), now, ct);
        await db.SaveChangesAsync(ct);
        return new WidgetVisitor(visitor, Verified: false);
    }

    /// <summary>Opens the chat's ticket (channel chat) and the visitor's session; returns the token, shown only to this visitor.</summary>
    public async Task<(string Token, Ticket Ticket)> StartAsync(WidgetVisitor visitor, string message, string? language, Channel channel, CancellationToken ct)
    {
        var opened = await intake.OpenTicketAsync(new InboundRequest(channel, new RequesterInfo(visitor.Contact.PrimaryEmail ?? "", visitor.Contact.Name),
            SubjectOf(message), MessageBody.From(message, null), language, CustomerUrgency.Normal, null, []), Actor.Contact(visitor.Contact.Id), ct);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        if (channel == Channel.Chat)
        {
            db.Set<WidgetChat>().Add(new WidgetChat
            {
                WorkspaceId = opened.Ticket.WorkspaceId,
                TicketId = opened.Ticket.Id,
                ContactId = visitor.Contact.Id,
                TokenHash = Hash(token),
                Verified = visitor.Verified,
                CreatedAt = time.GetUtcNow(),
            });
        }
        return (token, opened.Ticket);
    }

    /// <summary>The chat a token opens in the current workspace, or null: a token never opens another visitor's or workspace's chat.</summary>
    public Task<WidgetChat?> ChatAsync(HttpRequest request, CancellationToken ct)
    {
        string? token = request.Headers[WidgetOrigins.TokenHeader];
        if (token is not { Length: >= 40 and <= 64 })
        {
            return Task.FromResult<WidgetChat?>(null);
        }
        var hash = Hash(token);
        return db.Set<WidgetChat>().FirstOrDefaultAsync(c => c.TokenHash == hash, ct);
    }

    public async Task<TranscriptResponse> TranscriptAsync(WidgetChat chat, bool agentTyping, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstAsync(t => t.Id == chat.TicketId, ct);
        var messages = await db.Messages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.TicketId == chat.TicketId && m.Kind == MessageKind.Reply).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        return new TranscriptResponse(ticket.Number, ticket.Status, [.. messages.Select(m => new WidgetMessage(
            m.Id, m.AuthorKind == ActorKind.Contact, m.AuthorName, m.Text, m.CreatedAt,
            [.. m.Attachments.Select(a => new WidgetFile(a.Id, a.FileName, a.Size))]))], chat.AgentReadAt, agentTyping);
    }

    /// <summary>A file on a public message of this chat's conversation, and no other.</summary>
    public Task<Attachment?> FileAsync(WidgetChat chat, Guid fileId, CancellationToken ct) =>
        db.Attachments.AsNoTracking().Where(a => a.Id == fileId
                && db.Messages.Any(m => m.Id == a.MessageId && m.TicketId == chat.TicketId && m.Kind == MessageKind.Reply))
            .FirstOrDefaultAsync(ct);

    public static string SubjectOf(string message)
    {
        var line = message.Trim().Split('\n')[0].Trim();
        return line.Length <= 80 ? line : line[..79] + "…";
    }

    private static string CheckedEmail(string? email) =>
        email is { Length: > 0 and <= Limits.Email } && EmailAddress.IsValid(email.Trim())
            ? email.Trim()
            : throw new DomainRuleException("email", "Enter your email address, so we can answer you if you leave.");

    private static void ApplyAttributes(Contact contact, WidgetIdentity identity, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(identity.Name))
        {
            contact.Name = identity.Name.Trim();
        }
        contact.Plan = CustomerFields.Text(identity.Plan, "identity.plan", Limits.ShortText) ?? contact.Plan;
        if (CustomerFields.Mrr(identity.Mrr) is { } mrr)
        {
            contact.Mrr = mrr;
            contact.Currency = Fields.Currency(identity.Currency, "identity.currency") ?? contact.Currency;
        }
        contact.SignupDate = identity.SignupDate ?? contact.SignupDate;
        contact.UpdatedAt = now;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
