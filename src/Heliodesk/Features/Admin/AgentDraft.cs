using System.Globalization;
using Heliodesk.Common;
using Heliodesk.Features.Agents;

namespace Heliodesk.Features.Admin;

/// <summary>
/// The agent form's fields as typed, turned into the API's own requests (InviteAgentRequest,
/// UpdateAgentRequest), so the UI is checked by the same rules. Lists are typed comma-separated.
/// </summary>
public sealed class AgentDraft
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public AgentRole Role { get; set; } = AgentRole.Agent;
    public int Tier { get; set; } = 1;
    public string Languages { get; set; } = "";
    public string Skills { get; set; } = "";
    public string Region { get; set; } = "";
    public string TimeZone { get; set; } = "UTC";
    public string HourlyCost { get; set; } = "";
    public string Currency { get; set; } = "";

    public static AgentDraft From(AgentResponse agent) => new()
    {
        Email = agent.Email,
        Name = agent.Name,
        Role = agent.Role,
        Tier = agent.Tier,
        Languages = string.Join(", ", agent.Languages),
        Skills = string.Join(", ", agent.Skills),
        Region = agent.Region ?? "",
        TimeZone = agent.TimeZone,
        HourlyCost = agent.HourlyCost?.ToString(CultureInfo.InvariantCulture) ?? "",
        Currency = agent.Currency ?? "",
    };

    public InviteAgentRequest ToInvite() => new(
        Email.Trim(), Name, Role, Tier, List(Languages), List(Skills), Blank(Region), TimeZone, Cost(), Blank(Currency));

    public UpdateAgentRequest ToUpdate() => new(Name: Name, Role: Role, Tier: Tier, Languages: List(Languages), Skills: List(Skills), TimeZone: TimeZone)
    {
        Region = new Optional<string?>(true, Blank(Region)),
        HourlyCost = new Optional<decimal?>(true, Cost()),
        Currency = new Optional<string?>(true, Blank(Currency)),
    };

    private static List<string> List(string text) =>
        text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // "12.50" and "12,50" both mean twelve and a half, whatever the agent's culture; anything else is the field's error.
    private decimal? Cost()
    {
        var text = HourlyCost.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        text = text.Contains('.') ? text : text.Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cost)
            ? cost : throw new DomainRuleException("hourlyCost", "Use a number, like 25.50.");
    }
}
