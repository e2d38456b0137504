using System.Globalization;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Email;

/// <summary>Tells a customer who just opened a ticket by mail that it arrived, in their language.</summary>
public sealed class Acknowledgements(HeliodeskDb db, CustomerEmail mail)
{
    public async Task QueueAsync(Ticket ticket, Contact customer, Mailbox mailbox, string? inReplyTo, CancellationToken ct)
    {
        if (customer.PrimaryEmail is not { } to)
        {
            return;
        }
        var (subject, body) = await TemplateForAsync(ticket.Language, ct);
        var workspace = await mail.WorkspaceNameAsync(ct);
        string Fill(string text) => text
            .Replace("{{customer.name}}", customer.Name, StringComparison.Ordinal)
            .Replace("{{ticket.number}}", ticket.Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{ticket.subject}}", ticket.Subject, StringComparison.Ordinal)
            .Replace("{{workspace.name}}", workspace, StringComparison.Ordinal);
        var filledSubject = Fill(subject).ReplaceLineEndings(" ");
        await mail.QueueAsync(new OutgoingDraft(mailbox, workspace, to, customer.Name, filledSubject[..Math.Min(filledSubject.Length, Limits.Subject)],
            MessageBody.From(Fill(body), null), OutboundPurpose.Acknowledgement, ticket.Id, null, inReplyTo,
            inReplyTo is null ? null : [inReplyTo], Automatic: true), ct);
    }

    /// <summary>The workspace's template for the language, else for its primary subtag, else the built-in one, else English.</summary>
    public async Task<(string Subject, string Body)> TemplateForAsync(string language, CancellationToken ct)
    {
        var primary = LanguageTag.Primary(language);
        var own = await db.Set<AcknowledgementTemplate>().AsNoTracking().Where(t => t.Language == language || t.Language == primary).ToListAsync(ct);
        if (own.OrderByDescending(t => t.Language == language).FirstOrDefault() is { } template)
        {
            return (template.Subject, template.Body);
        }
        var builtIn = BuiltInAcknowledgements.Bodies.Keys.FirstOrDefault(k => k == language)
            ?? BuiltInAcknowledgements.Bodies.Keys.FirstOrDefault(k => LanguageTag.Primary(k) == primary && !IsTraditionalChinese(language))
            ?? "en";
        return (BuiltInAcknowledgements.Subject, BuiltInAcknowledgements.Bodies[builtIn]);
    }

    // Readers of Traditional Chinese get English rather than a script they did not choose.
    private static bool IsTraditionalChinese(string language) =>
        language.Contains("Hant", StringComparison.Ordinal) || language is "zh-TW" or "zh-HK" or "zh-MO";
}
