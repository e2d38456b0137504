using Heliodesk.Features.Agents;
using Heliodesk.Features.Contacts;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Demo;

internal sealed record DemoAgent(
    string Key, string Name, AgentRole Role, int Tier, string Region, string TimeZone, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Skills, decimal HourlyCost, string Currency, IReadOnlyList<string> Teams)
{
    public string Email => $"{Key}@demo.heliodesk.test";
}

/// <summary>Where a customer stands commercially. A null plan is a prospect who never signed up.</summary>
internal sealed record DemoAccount(string? Plan, decimal? Mrr, string? Currency, int DaysAgo, LifecycleStage Lifecycle);

internal sealed record DemoOrganization(string Name, string Domain, DemoAccount Account, string? Notes = null);

/// <summary>A customer; people at an organization take their account from it, individuals bring their own.</summary>
internal sealed record DemoContact(string Name, string Email, string Language, string TimeZone, DemoAccount? Account = null, string? Phone = null);

/// <summary>
/// One ticket as it happened: what the customer first sent, where routing put it, then each later
/// step with the time that passed since the one before.
/// </summary>
internal sealed record DemoTicket
{
    public required string From { get; init; }
    public required string Language { get; init; }
    public required Channel Channel { get; init; }
    public required TimeSpan Opened { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public CustomerUrgency Urgency { get; init; } = CustomerUrgency.Normal;
    public TicketPriority? Priority { get; init; }
    public string? Team { get; init; }
    public string? Assignee { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<DemoStep> Steps { get; init; } = [];
}

internal abstract record DemoStep(TimeSpan After);

internal sealed record CustomerWrites(TimeSpan After, string Text) : DemoStep(After);

internal sealed record AgentWrites(TimeSpan After, string Agent, MessageKind Kind, string Text, TicketStatus? Then) : DemoStep(After);

internal sealed record Escalation(TimeSpan After, string Agent, int Tier, string Team, string Assignee) : DemoStep(After);

/// <summary>What the auto-close worker does to a ticket left solved for a few days.</summary>
internal sealed record AutoClose(TimeSpan After) : DemoStep(After);

/// <summary>The small vocabulary the demo data is written in.</summary>
internal static class DemoScript
{
    public const string Billing = "Billing";
    public const string Technical = "Technical";
    public const string Onboarding = "Onboarding";
    public const string Escalations = "Escalations (T2/T3)";

    /// <summary>A time of day (UTC) some days before the demo's last day, chosen inside the customer's working hours.</summary>
    public static TimeSpan Day(int daysAgo, int hour, int minute) => TimeSpan.FromDays(-daysAgo) + new TimeSpan(hour, minute, 0);

    public static TimeSpan Minutes(int minutes) => TimeSpan.FromMinutes(minutes);

    public static TimeSpan Hours(int hours) => TimeSpan.FromHours(hours);

    public static TimeSpan Days(int days) => TimeSpan.FromDays(days);

    public static DemoStep Customer(TimeSpan after, string text) => new CustomerWrites(after, text);

    public static DemoStep Reply(TimeSpan after, string agent, string text, TicketStatus? then = null) =>
        new AgentWrites(after, agent, MessageKind.Reply, text, then);

    public static DemoStep Note(TimeSpan after, string agent, string text, TicketStatus? then = null) =>
        new AgentWrites(after, agent, MessageKind.Note, text, then);

    public static DemoStep Escalate(TimeSpan after, string by, int tier, string team, string to) => new Escalation(after, by, tier, team, to);

    public static DemoStep Close(TimeSpan after) => new AutoClose(after);

    public static DemoAccount Account(string plan, decimal mrr, string currency, int signedUpDaysAgo, LifecycleStage stage) =>
        new(plan, mrr, currency, signedUpDaysAgo, stage);

    public static DemoAccount Prospect(int firstSeenDaysAgo) => new(null, null, null, firstSeenDaysAgo, LifecycleStage.Prospect);
}
