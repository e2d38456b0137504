namespace Heliodesk.Common;

/// <summary>
/// The checks for values that many endpoints accept, written once so every feature normalizes them
/// alike and answers a bad one with the same message, keyed by the caller's field name.
/// </summary>
public static class Fields
{
    /// <summary>A BCP 47 tag in canonical casing: "ZH-hans" becomes "zh-Hans".</summary>
    public static string Language(string raw, string field = "language") =>
        LanguageTag.Normalize(raw) ?? throw new DomainRuleException(field, $"'{raw}' is not a BCP 47 language tag such as en, es-419, sr-Cyrl or zh-Hans.");

    /// <summary>An IANA zone from the tz database NodaTime ships, such as Europe/Vilnius.</summary>
    public static string TimeZone(string raw, string field = "timeZone") =>
        TimeZones.IsKnown(raw.Trim()) ? raw.Trim() : throw new DomainRuleException(field, "Use an IANA time zone such as Europe/Vilnius, Asia/Manila or America/New_York.");

    /// <summary>A three-letter ISO 4217 code in capitals ("eur" becomes "EUR"); blank means none.</summary>
    public static string? Currency(string? raw, string field = "currency")
    {
        var code = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim().ToUpperInvariant();
        return code is null || (code.Length == Limits.Currency && code.All(char.IsAsciiLetterUpper))
            ? code
            : throw new DomainRuleException(field, "Use a three-letter currency code such as EUR, USD or PHP.");
    }

    /// <summary>An enum value by its JSON name, any case ("onHold", "ONHOLD"); numbers are refused; blank means none.</summary>
    public static T? Enum<T>(string? raw, string field) where T : struct, System.Enum =>
        string.IsNullOrWhiteSpace(raw) ? null : Parse<T>(raw.Trim(), field);

    /// <summary>A comma-separated list of enum values, without repeats.</summary>
    public static T[] Enums<T>(string raw, string field) where T : struct, System.Enum =>
        raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Parse<T>(v, field)).Distinct().ToArray();

    /// <summary>An id from a query string; blank means none.</summary>
    public static Guid? Id(string? raw, string field, string hint = "Use an id such as 0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b.") =>
        string.IsNullOrWhiteSpace(raw) ? null
            : Guid.TryParse(raw.Trim(), out var id) ? id : throw new DomainRuleException(field, hint);

    private static T Parse<T>(string value, string field) where T : struct, System.Enum
    {
        var name = System.Enum.GetNames<T>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase));
        return name is not null ? System.Enum.Parse<T>(name)
            : throw new DomainRuleException(field, $"'{value}' is not one of: {string.Join(", ", System.Enum.GetNames<T>().Select(JsonName))}.");
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
