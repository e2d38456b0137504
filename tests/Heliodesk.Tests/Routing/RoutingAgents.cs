using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Tests.Routing;

/// <summary>Agents for routing tests: online, on shift, tier 1, idle, with three chat slots, unless told otherwise.</summary>
internal static class RoutingAgents
{
    public static AgentSnapshot Agent(
        string name,
        string[]? languages = null,
        string[]? skills = null,
        int tier = 1,
        AgentStatus status = AgentStatus.Online,
        bool onShift = true,
        int chats = 0,
        int emails = 0,
        DateTimeOffset? lastAssignedAt = null,
        Guid? id = null) =>
        new(
            id ?? Guid.CreateVersion7(),
            name,
            status,
            languages ?? ["en"],
            skills ?? [],
            tier,
            onShift,
            new Dictionary<Channel, int> { [Channel.Chat] = chats, [Channel.Email] = emails },
            new Dictionary<Channel, int> { [Channel.Chat] = 3 },
            lastAssignedAt);
}
