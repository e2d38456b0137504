using Microsoft.Extensions.Localization;

namespace Heliodesk.Features.Tickets.Pages;

/// <summary>One quiet, translated line for an event: "Olivia set priority to Urgent".</summary>
public static class TicketEventText
{
    public static string Describe(TicketEvent e, IReadOnlyDictionary<Guid, string> agents, IReadOnlyDictionary<Guid, string> teams, IStringLocalizer t)
    {
        var actor = e.ActorKind switch
        {
            ActorKind.Agent when e.ActorId is { } id && agents.TryGetValue(id, out var name) => name,
            ActorKind.Contact => t["Event.Customer"],
            ActorKind.Bot => t["Event.Bot"],
            _ => t["Event.System"],
        };
        string Agent(string? id) => Guid.TryParse(id, out var g) && agents.TryGetValue(g, out var n) ? n : t["Event.Nobody"];
        string Team(string? id) => Guid.TryParse(id, out var g) && teams.TryGetValue(g, out var n) ? n : t["Event.NoTeam"];
        string Value<TEnum>(string? raw, string prefix) where TEnum : struct, Enum =>
            Enum.TryParse<TEnum>(raw, ignoreCase: true, out var v) ? t[prefix + v] : raw ?? "";
        return e.Type switch
        {
            TicketEventType.StatusChanged => t["Event.Status", actor, Value<TicketStatus>(e.To, "Status.")],
            TicketEventType.PriorityChanged => t["Event.Priority", actor, Value<TicketPriority>(e.To, "Priority.")],
            TicketEventType.UrgencyChanged => t["Event.Urgency", actor, e.To ?? ""],
            TicketEventType.AssigneeChanged => e.To is null ? t["Event.Unassigned", actor] : t["Event.Assigned", actor, Agent(e.To)],
            TicketEventType.TeamChanged => t["Event.Team", actor, Team(e.To)],
            TicketEventType.TierChanged => t["Event.Tier", actor, e.To ?? ""],
            TicketEventType.SubjectChanged => t["Event.Subject", actor, e.To ?? ""],
            TicketEventType.LanguageChanged => t["Event.Language", actor, e.To ?? ""],
            TicketEventType.TagAdded => t["Event.TagAdded", actor, e.To ?? ""],
            TicketEventType.TagRemoved => t["Event.TagRemoved", actor, e.From ?? ""],
            TicketEventType.FollowUpCreated => t["Event.FollowUp", e.To ?? ""],
            TicketEventType.MergedInto => t["Event.MergedInto", actor, e.To ?? ""],
            TicketEventType.MergedFrom => t["Event.MergedFrom", actor, e.To ?? ""],
            TicketEventType.CallbackRequested => t["Event.CallbackRequested", actor, e.To ?? ""],
            // The queue writes "completed" or "cancelled: <reason>" (CallbackQueue.Close).
            TicketEventType.CallbackClaimed => t["Event.CallbackClaimed", actor],
            TicketEventType.CallbackClosed when e.To?.StartsWith("completed", StringComparison.Ordinal) == true => t["Event.CallbackCompleted", actor],
            TicketEventType.CallbackClosed when e.To?.Split(": ", 2) is [_, var reason] => t["Event.CallbackCancelledWhy", actor, reason],
            TicketEventType.CallbackClosed => t["Event.CallbackCancelled", actor],
            _ => t["Event.Other", actor],
        };
    }
}
