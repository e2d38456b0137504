using System.Globalization;
using System.Text.RegularExpressions;
using Heliodesk.Common;

namespace Heliodesk.Features.Macros;

/// <summary>What a macro's placeholders are filled with for one ticket; null where the ticket has no value.</summary>
public sealed record MacroValues(
    string? CustomerName, string? CustomerEmail, long TicketNumber, string TicketSubject, string? AgentName, string? OrganizationName);

/// <summary>
/// The placeholder language of macros: <c>{{customer.first_name}}</c> and friends. Unknown placeholders are
/// refused when a macro is saved, so a typo never reaches a customer; missing values fall back to words
/// that still read well in the body's language ("Hi there,").
/// </summary>
public static partial class MacroTemplate
{
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "customer.first_name", "customer.name", "customer.email", "ticket.number", "ticket.subject",
        "agent.first_name", "agent.name", "organization.name",
    ];

    // Words for a missing name, by the ticket language's primary subtag; English when the language has none here.
    private static readonly Dictionary<string, (string Customer, string Organization)> Fallbacks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = ("there", "your team"),
        ["es"] = ("cliente", "su equipo"),
        ["pt"] = ("cliente", "sua equipe"),
        ["fr"] = ("client", "votre équipe"),
        ["de"] = ("zusammen", "Ihr Team"),
        ["zh"] = ("客户", "贵团队"),
        ["ja"] = ("お客様", "貴社"),
    };

    /// <summary>Refuses a placeholder nobody can fill, naming the field and listing the ones that exist.</summary>
    public static void Validate(string text, string field)
    {
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups[1].Value;
            if (!Placeholders.Contains(name, StringComparer.Ordinal))
            {
                throw new DomainRuleException(field,
                    $"Unknown placeholder {{{{{name}}}}}. Use one of: {string.Join(", ", Placeholders.Select(p => "{{" + p + "}}"))}.");
            }
        }
    }

    public static string Render(string text, MacroValues values, string language)
    {
        var primary = language.Split('-')[0];
        var (customerFallback, organizationFallback) = Fallbacks.TryGetValue(primary, out var words) ? words : Fallbacks["en"];
        return Placeholder().Replace(text, match => match.Groups[1].Value switch
        {
            "customer.first_name" => FirstWord(values.CustomerName) ?? customerFallback,
            "customer.name" => Present(values.CustomerName) ?? customerFallback,
            "customer.email" => values.CustomerEmail ?? "",
            "ticket.number" => values.TicketNumber.ToString(CultureInfo.InvariantCulture),
            "ticket.subject" => values.TicketSubject,
            "agent.first_name" => FirstWord(values.AgentName) ?? "",
            "agent.name" => values.AgentName ?? "",
            "organization.name" => Present(values.OrganizationName) ?? organizationFallback,
            _ => match.Value,
        });
    }

    /// <summary>
    /// The body for the ticket's language: exact tag, then the same primary language ("es-MX" takes "es"),
    /// then the workspace's default language, then the first body there is.
    /// </summary>
    public static MacroBody? BodyFor(IReadOnlyList<MacroBody> bodies, string ticketLanguage, string workspaceLanguage)
    {
        static string Primary(string tag) => tag.Split('-')[0];
        return bodies.FirstOrDefault(b => string.Equals(b.Language, ticketLanguage, StringComparison.OrdinalIgnoreCase))
            ?? bodies.FirstOrDefault(b => string.Equals(Primary(b.Language), Primary(ticketLanguage), StringComparison.OrdinalIgnoreCase))
            ?? bodies.FirstOrDefault(b => string.Equals(b.Language, workspaceLanguage, StringComparison.OrdinalIgnoreCase))
            ?? bodies.FirstOrDefault(b => string.Equals(Primary(b.Language), Primary(workspaceLanguage), StringComparison.OrdinalIgnoreCase))
            ?? bodies.FirstOrDefault();
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // An email address used as a name ("ana@example.com") is not a first name.
    private static string? FirstWord(string? name) =>
        Present(name) is { } n && !n.Contains('@', StringComparison.Ordinal) ? n.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] : null;

    [GeneratedRegex(@"\{\{\s*([A-Za-z_.]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
