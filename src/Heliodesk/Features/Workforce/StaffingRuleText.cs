using System.Globalization;
using System.Text.RegularExpressions;
using Heliodesk.Common;
using Heliodesk.Features.Agents;
using NodaTime;

namespace Heliodesk.Features.Workforce;

/// <summary>A minimum-staffing rule as people write it, before it is checked against the workspace's regions.</summary>
public sealed record StaffingRuleSpec(string? Region, string? Language, string? Skill, int? Agents, string? When);

/// <summary>The hours a rule covers: hour-of-week numbers on the region's clock, and the same said the short way.</summary>
public sealed record StaffingHours(IReadOnlyList<int> HoursOfWeek, string When);

/// <summary>
/// Reads the compact way leads write staffing rules: "weekdays 09–17 need 2 es-speaking billing agents in EMEA".
/// The hours part alone ("mon-fri 09-17", "sat,sun 10:00-14:00", "daily 22-06", "daily 00-24") is what
/// <see cref="Hours"/> expands; an end at or before the start runs past midnight into the next day.
/// </summary>
public static partial class StaffingRuleText
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static StaffingRuleSpec ParseSentence(string text, string field = "rule")
    {
        var match = Sentence().Match(Dashes(text.Trim()));
        if (!match.Success)
        {
            throw new DomainRuleException(field, "Write the rule like: weekdays 09-17 need 2 es-speaking billing agents in EMEA.");
        }
        string? Group(string name) => match.Groups[name].Success ? Hyphens(match.Groups[name].Value) : null;
        return new StaffingRuleSpec(Group("region"), Group("lang"), Group("skill"),
            int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture), Hyphens(match.Groups["when"].Value));
    }

    public static StaffingHours Hours(string text, string field = "when")
    {
        var match = When().Match(Dashes(text.Trim().ToLowerInvariant()));
        if (!match.Success)
        {
            throw new DomainRuleException(field, "Write the hours like: weekdays 09-17, mon,wed 10:00-14:00, sat-sun 08-12 or daily 00-24.");
        }
        var days = Days(match.Groups["days"].Value, field);
        var start = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture);
        if (start > 23 || end > 24)
        {
            throw new DomainRuleException(field, "Hours run from 00 to 24.");
        }
        var length = end > start ? end - start : end + 24 - start;
        var hours = days.SelectMany(day => Enumerable.Range(((int)day - 1) * 24 + start, length).Select(h => h % HourSlot.PerWeek))
            .Distinct().Order().ToList();
        return new StaffingHours(hours, string.Create(CultureInfo.InvariantCulture, $"{DaysText(days)} {start:00}–{end:00}"));
    }

    public static string Sentence(string region, string? language, string? skill, int agents, string when) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{when} need {agents} {(language is null ? "" : language + "-speaking ")}{(skill is null ? "" : skill + " ")}{(agents == 1 ? "agent" : "agents")} in {region}");

    private static IReadOnlyList<IsoDayOfWeek> Days(string text, string field)
    {
        var days = new SortedSet<IsoDayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "weekdays":
                    days.UnionWith(Range(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday));
                    break;
                case "weekends" or "weekend":
                    days.UnionWith(Range(IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday));
                    break;
                case "daily" or "every day" or "everyday":
                    days.UnionWith(Range(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday));
                    break;
                default:
                    var ends = part.Split('–', StringSplitOptions.TrimEntries);
                    var first = Day(ends[0], field);
                    days.UnionWith(ends.Length == 2 ? Range(first, Day(ends[1], field)) : ends.Length == 1 ? [first]
                        : throw new DomainRuleException(field, $"'{part}' is not a day or a range of days."));
                    break;
            }
        }
        return [.. days];
    }

    // A range may wrap the week: fri-mon is Friday, Saturday, Sunday and Monday.
    private static IEnumerable<IsoDayOfWeek> Range(IsoDayOfWeek first, IsoDayOfWeek last)
    {
        var length = ((last - first + 7) % 7) + 1;
        return Enumerable.Range(0, length).Select(i => (IsoDayOfWeek)(((int)first - 1 + i) % 7 + 1));
    }

    private static IsoDayOfWeek Day(string text, string field)
    {
        var index = text.Length >= 3 ? Array.IndexOf(DayNames, text[..3]) : -1;
        return index >= 0 && "monday tuesday wednesday thursday friday saturday sunday".Split(' ')[index].StartsWith(text, StringComparison.Ordinal)
            ? (IsoDayOfWeek)(index + 1)
            : throw new DomainRuleException(field, $"'{text}' is not a day: use mon, tue, … or weekdays, weekends, daily.");
    }

    private static string DaysText(IReadOnlyList<IsoDayOfWeek> days) => days.Count switch
    {
        7 => "daily",
        5 when days.SequenceEqual(Range(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday)) => "weekdays",
        2 when days.SequenceEqual(Range(IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday)) => "weekends",
        _ => string.Join(",", days.Select(d => DayNames[(int)d - 1])),
    };

    // People type en dashes, em dashes and "to"; the grammar below reads one kind.
    private static string Dashes(string text) => text.Replace('-', '–').Replace('—', '–');

    [GeneratedRegex(@"^(?<days>[a-z,–\s]+?)\s+(?<from>\d{1,2})(?::00)?\s*–\s*(?<to>\d{1,2})(?::00)?$")]
    private static partial Regex When();

    [GeneratedRegex(@"^(?<when>.+?)\s+needs?\s+(?<n>\d{1,4})\s+(?:(?<lang>[A-Za-z]{2,3}(?:–[A-Za-z0-9]{2,8})*?)–speaking\s+)?(?:(?<skill>[a-z0-9–]+)\s+)?agents?\s+in\s+(?<region>\S+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Sentence();

    /// <summary>Language tags and skill slugs use ASCII hyphens; the sentence reader turned them into en dashes.</summary>
    public static string? Hyphens(string? text) => text?.Replace('–', '-');

    /// <summary>A skill as agent profiles store it, or a problem naming the field.</summary>
    public static string? Skill(string? raw, string field = "skill") =>
        string.IsNullOrWhiteSpace(raw) ? null
            : AgentProfile.NormalizeSkill(Hyphens(raw)) ?? throw new DomainRuleException(field, $"'{raw}' is not a skill slug such as billing or api.");
}
