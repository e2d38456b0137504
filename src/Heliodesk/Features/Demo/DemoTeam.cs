using Heliodesk.Features.Agents;
using static Heliodesk.Features.Demo.DemoScript;

namespace Heliodesk.Features.Demo;

/// <summary>
/// A support team of thirteen that covers the clock: each region works its own daytime, and every
/// language the customers write in has someone on shift who speaks it.
/// </summary>
internal static class DemoTeam
{
    private const string Amer = "AMER";
    private const string Emea = "EMEA";
    private const string Apac = "APAC";

    public static readonly (string Name, string Description)[] Teams =
    [
        (Billing, "Invoices, payments, refunds, plan changes and tax details."),
        (Technical, "Bugs, integrations, SSO, the API and the mobile apps."),
        (Onboarding, "How-to questions from trials and new customers."),
        (Escalations, "Outages, regressions and anything a first-tier agent cannot close."),
    ];

    public static readonly DemoAgent[] Agents =
    [
        new("maya", "Maya Thompson", AgentRole.Admin, 3, Amer, "America/New_York", ["en", "es"],
            ["billing", "technical", "api", "phone"], 58m, "USD", [Billing, Escalations]),
        new("daniel", "Daniel Okafor", AgentRole.Lead, 3, Amer, "America/Los_Angeles", ["en"],
            ["technical", "api", "sso"], 52m, "USD", [Technical, Escalations]),
        new("rafael", "Rafael Souza", AgentRole.Agent, 1, Amer, "America/Sao_Paulo", ["pt", "es", "en"],
            ["billing", "onboarding", "phone", "chat"], 24m, "USD", [Billing, Onboarding]),
        new("sofia", "Sofía Ramírez", AgentRole.Contractor, 1, Amer, "America/Los_Angeles", ["es", "en"],
            ["onboarding", "chat"], 22m, "USD", [Onboarding]),
        new("ruta", "Rūta Kazlauskienė", AgentRole.Lead, 2, Emea, "Europe/Vilnius", ["lt", "en", "ru"],
            ["billing", "onboarding", "technical", "sso"], 32m, "EUR", [Billing, Onboarding, Technical]),
        new("milica", "Милица Јовановић", AgentRole.Agent, 2, Emea, "Europe/Belgrade", ["sr-Cyrl", "sr-Latn", "en", "de"],
            ["technical", "billing", "phone"], 25m, "EUR", [Technical, Billing]),
        new("lucia", "Lucía Fernández", AgentRole.Agent, 1, Emea, "Europe/Madrid", ["es", "en", "ca"],
            ["billing", "onboarding", "phone"], 24m, "EUR", [Billing, Onboarding]),
        new("oliver", "Oliver Hughes", AgentRole.Agent, 3, Emea, "Europe/London", ["en", "de"],
            ["technical", "api", "sso"], 38m, "EUR", [Technical, Escalations]),
        new("maria", "Maria Santos", AgentRole.Agent, 2, Apac, "Asia/Manila", ["tl", "en"],
            ["billing", "onboarding", "phone"], 450m, "PHP", [Billing, Onboarding]),
        new("paolo", "Paolo Reyes", AgentRole.Contractor, 1, Apac, "Asia/Manila", ["tl", "en"],
            ["technical", "onboarding", "chat", "phone"], 380m, "PHP", [Technical, Onboarding]),
        new("chen", "陈静", AgentRole.Agent, 2, Apac, "Asia/Shanghai", ["zh-Hans", "en"],
            ["technical", "api", "billing"], 30m, "USD", [Technical, Billing, Escalations]),
        new("liang", "梁伟", AgentRole.Contractor, 1, Apac, "Asia/Shanghai", ["zh-Hans", "zh-Hant", "en"],
            ["onboarding", "chat"], 18m, "USD", [Onboarding]),
        new("hannah", "Hannah Brooks", AgentRole.Agent, 2, Apac, "Australia/Sydney", ["en", "ja"],
            ["technical", "sso", "billing"], 36m, "USD", [Technical, Billing, Escalations]),
    ];
}
