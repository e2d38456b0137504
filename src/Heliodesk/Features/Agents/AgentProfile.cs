using System.Text.RegularExpressions;
using Heliodesk.Common;

namespace Heliodesk.Features.Agents;

/// <summary>
/// What an agent can handle, checked and normalized once at the edge so routing can compare values
/// as stored: "ES-mx" is kept as "es-MX", "Billing" as "billing", "eur" as "EUR".
/// </summary>
public static partial class AgentProfile
{
    public const int MaxLanguages = 20;
    public const int MaxSkills = 50;
    public const int Skill = 50;

    public static string Name(string raw, string field = "name") =>
        string.IsNullOrWhiteSpace(raw) ? throw new DomainRuleException(field, "Enter a name.") : raw.Trim();

    public static List<string> Languages(IEnumerable<string> raw)
    {
        var languages = raw.Select(tag => Fields.Language(tag, "languages"))
            .Distinct(StringComparer.Ordinal).ToList();
        return languages.Count <= MaxLanguages ? languages
            : throw new DomainRuleException("languages", $"List at most {MaxLanguages} languages.");
    }

    public static List<string> Skills(IEnumerable<string> raw)
    {
        var skills = raw.Select(skill => NormalizeSkill(skill)
                ?? throw new DomainRuleException("skills", $"'{skill}' is not a skill slug: use lowercase letters, digits and '-', up to {Skill} characters."))
            .Distinct(StringComparer.Ordinal).ToList();
        return skills.Count <= MaxSkills ? skills
            : throw new DomainRuleException("skills", $"List at most {MaxSkills} skills.");
    }

    public static string? NormalizeSkill(string? raw)
    {
        var skill = raw?.Trim().ToLowerInvariant();
        return skill is { Length: > 0 and <= Skill } && SkillShape().IsMatch(skill) ? skill : null;
    }

    public static string? Region(string? raw) => raw?.Trim() switch
    {
        null or "" => null,
        { Length: > Limits.ShortText } => throw new DomainRuleException("region", $"Use at most {Limits.ShortText} characters."),
        var region => region,
    };

    public static decimal? HourlyCost(decimal? cost) => cost switch
    {
        null => null,
        < 0 or >= 10_000_000_000m => throw new DomainRuleException("hourlyCost", "Use an amount from 0 to 9,999,999,999.99."),
        // Refused rather than rounded: the stored value must be the one that was sent.
        _ when decimal.Round(cost.Value, 2) != cost.Value => throw new DomainRuleException("hourlyCost", "Use at most two decimal places."),
        _ => cost,
    };

    /// <summary>A cost without its currency cannot be summed or compared, so the pair goes together.</summary>
    public static void EnsureCostHasCurrency(decimal? cost, string? currency)
    {
        if (cost is not null && currency is null)
        {
            throw new DomainRuleException("currency", "Give the currency of the hourly cost.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SkillShape();

}
