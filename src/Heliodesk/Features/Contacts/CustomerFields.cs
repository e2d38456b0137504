using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Heliodesk.Common;

namespace Heliodesk.Features.Contacts;

/// <summary>
/// The rules for what contacts and organizations share: each check trims and normalizes a raw value
/// or throws a <see cref="DomainRuleException"/> naming the JSON field, so both APIs answer alike.
/// Optional text left blank means "none", so a form can send an empty box.
/// </summary>
public static partial class CustomerFields
{
    public const int MaxEmailsPerContact = 20;
    public const int MaxDomainsPerOrganization = 50;
    public const int MaxNotes = 10_000;

    // numeric(14,2) in the schema: twelve digits before the point.
    private const decimal MaxMrr = 999_999_999_999.99m;

    /// <summary>Trimmed and in Unicode NFC, so "Živilė" typed on any keyboard is one name and one search key.</summary>
    public static string Name(string? raw, string field = "name")
    {
        var name = raw?.Trim().Normalize(NormalizationForm.FormC);
        return string.IsNullOrEmpty(name) || name.Length > Limits.Name
            ? throw new DomainRuleException(field, $"Give a name of 1 to {Limits.Name} characters.")
            : name;
    }

    public static string? Text(string? raw, string field, int max)
    {
        var text = Blank(raw);
        return text is not null && text.Length > max ? throw new DomainRuleException(field, $"Use at most {max} characters.") : text;
    }

    public static string? Phone(string? raw, string field = "phone")
    {
        var phone = Blank(raw);
        return phone is null || (phone.Length <= Limits.Phone && PhoneShape().IsMatch(phone) && phone.Count(char.IsAsciiDigit) >= 3)
            ? phone
            : throw new DomainRuleException(field, "Enter a phone number such as +370 612 34567 or (555) 010-4477 x12.");
    }

    public static string? Language(string? raw) => Blank(raw) is { } tag ? Fields.Language(tag) : null;

    public static string? TimeZone(string? raw) => Blank(raw) is { } zone ? Fields.TimeZone(zone) : null;

    public static decimal? Mrr(decimal? mrr) => mrr switch
    {
        null => null,
        < 0 or > MaxMrr => throw new DomainRuleException("mrr", $"Monthly recurring revenue is from 0 to {MaxMrr.ToString(CultureInfo.InvariantCulture)}."),
        { } value when value.Scale > 2 && value != decimal.Round(value, 2) => throw new DomainRuleException("mrr", "Use at most two decimal places."),
        _ => mrr,
    };

    /// <summary>At least one valid address, lowercased, without repeats; the first becomes the primary one.</summary>
    public static List<string> Emails(IReadOnlyList<string>? raw)
    {
        if (raw is null || raw.Count == 0)
        {
            throw new DomainRuleException("emails", "Give at least one email address.");
        }
        var emails = new List<string>();
        for (var i = 0; i < raw.Count; i++)
        {
            var address = Email(raw[i], $"emails[{i}]");
            if (!emails.Contains(address))
            {
                emails.Add(address);
            }
        }
        return emails.Count <= MaxEmailsPerContact ? emails
            : throw new DomainRuleException("emails", $"A contact can have at most {MaxEmailsPerContact} email addresses.");
    }

    public static string Email(string? raw, string field) =>
        EmailAddress.IsValid(raw) ? EmailAddress.Normalize(raw!)
            : throw new DomainRuleException(field, "Enter an email address like name@example.com.");

    /// <summary>
    /// Host names as they appear after the @ of a customer's address, lowercased, because that is
    /// what intake compares them with. Checked in their ASCII (IDNA) form, so "bücher.de" is fine.
    /// </summary>
    public static List<string> Domains(IReadOnlyList<string>? raw)
    {
        var domains = new List<string>();
        for (var i = 0; i < (raw?.Count ?? 0); i++)
        {
            var domain = raw![i]?.Trim().TrimEnd('.').Normalize(NormalizationForm.FormC).ToLowerInvariant() ?? "";
            if (!IsHostName(domain))
            {
                throw new DomainRuleException($"domains[{i}]", "Enter a domain name such as acme.com, without '@' or 'https://'.");
            }
            if (!domains.Contains(domain))
            {
                domains.Add(domain);
            }
        }
        return domains.Count <= MaxDomainsPerOrganization ? domains
            : throw new DomainRuleException("domains", $"An organization can have at most {MaxDomainsPerOrganization} domains.");
    }

    /// <summary>PATCH semantics: runs <paramref name="apply"/> only for a field the request carried, null included.</summary>
    public static void IfSet<T>(Optional<T> field, Action<T?> apply)
    {
        if (field.IsSet)
        {
            apply(field.Value);
        }
    }

    private static string? Blank(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static bool IsHostName(string domain)
    {
        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return ascii.Length <= 253 && ascii.Contains('.', StringComparison.Ordinal) && HostName().IsMatch(ascii);
    }

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()./-]*(\s*(x|ext\.?)\s*[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneShape();

    // Labels of letters, digits and inner hyphens, 1 to 63 long; the top-level one starts with a letter.
    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex HostName();
}
