using Heliodesk.Common;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Channels.InboundWebhooks;

/// <summary>A message that passed the edge's checks, in the shape filing needs.</summary>
public sealed record InboundWebhookMessageDraft(
    string MessageId, string ConversationId, string? Name, string? Email, string? Phone, string Subject, MessageBody Body,
    string? Language, CustomerUrgency Urgency);

/// <summary>Checks what another system sent, naming the JSON field of each problem.</summary>
public static class InboundMessageRules
{
    public const int MaxExternalId = 200;
    private const int SubjectFromText = 80;

    public static InboundWebhookMessageDraft Check(InboundWebhookPayload payload, string webhookId)
    {
        var messageId = Id(payload.MessageId ?? webhookId, "messageId");
        var conversationId = Id(payload.ConversationId, "conversationId");
        var from = payload.From ?? throw new DomainRuleException("from", "Say who wrote: from.email or from.phone (and from.name if known).");
        var email = string.IsNullOrWhiteSpace(from.Email) ? null
            : EmailAddress.IsValid(from.Email) ? EmailAddress.Normalize(from.Email)
            : throw new DomainRuleException("from.email", "Enter an email address such as ana@example.com.");
        var phone = CustomerFields.Phone(from.Phone, "from.phone");
        if (email is null && phone is null)
        {
            throw new DomainRuleException("from", "Say who wrote: from.email or from.phone.");
        }
        var name = string.IsNullOrWhiteSpace(from.Name) ? null : from.Name.Trim();
        if (name?.Length > Limits.Name)
        {
            throw new DomainRuleException("from.name", $"Use at most {Limits.Name} characters.");
        }
        if (payload.Text?.Length > Limits.MessageText)
        {
            throw new DomainRuleException("text", $"Use at most {Limits.MessageText:N0} characters.");
        }
        if (payload.Html?.Length > Limits.MessageHtml)
        {
            throw new DomainRuleException("html", $"Use at most {Limits.MessageHtml:N0} characters.");
        }
        var body = MessageBody.From(payload.Text, payload.Html);
        if (body.Text.Length == 0)
        {
            throw new DomainRuleException("text", "A message needs text.");
        }
        var subject = string.IsNullOrWhiteSpace(payload.Subject) ? SubjectOf(body.Text) : payload.Subject.Trim();
        if (subject.Length > Limits.Subject)
        {
            throw new DomainRuleException("subject", $"Use at most {Limits.Subject} characters.");
        }
        var language = CustomerFields.Language(payload.Language);
        return new InboundWebhookMessageDraft(messageId, conversationId, name, email, phone, subject, body, language, payload.Urgency ?? CustomerUrgency.Normal);
    }

    private static string Id(string? raw, string field)
    {
        var id = raw?.Trim();
        return string.IsNullOrEmpty(id) ? throw new DomainRuleException(field, "Give the id your system uses for it.")
            : id.Length > MaxExternalId ? throw new DomainRuleException(field, $"Use at most {MaxExternalId} characters.")
            : id;
    }

    // An SMS has no subject: its first line, shortened, reads best in the inbox.
    private static string SubjectOf(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= SubjectFromText ? line : line[..(SubjectFromText - 1)].TrimEnd() + "…";
    }
}
