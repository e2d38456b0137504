using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Routing;

/// <summary>What a ticket asks of whoever takes it. A null language means it is not known yet: anyone may take it.</summary>
public sealed record TicketNeeds(string? Language, IReadOnlyCollection<string> Skills, int Tier, Channel Channel)
{
    public TicketNeeds(string? language, Channel channel) : this(language, [], 1, channel) { }
}

/// <summary>
/// An agent as routing sees them at one moment: read once, decided on without touching the database, so a
/// routing decision is a pure function of its inputs and can be tested and benchmarked on its own.
/// </summary>
public sealed record AgentSnapshot(
    Guid Id,
    string Name,
    AgentStatus Status,
    IReadOnlyCollection<string> Languages,
    IReadOnlyCollection<string> Skills,
    int Tier,
    bool OnShift,
    IReadOnlyDictionary<Channel, int> Load,
    IReadOnlyDictionary<Channel, int> Capacity,
    DateTimeOffset? LastAssignedAt = null,
    int OpenTickets = 0,
    int? MaxOpenTickets = null)
{
    public int LoadOn(Channel channel) => Load.GetValueOrDefault(channel);

    /// <summary>A copy with one more ticket on the channel: what the next decision in the same pass must see.</summary>
    public AgentSnapshot WithOneMore(Channel channel, DateTimeOffset at)
    {
        var load = new Dictionary<Channel, int>(Load) { [channel] = LoadOn(channel) + 1 };
        return this with { Load = load, OpenTickets = OpenTickets + 1, LastAssignedAt = at };
    }

    /// <summary>No capacity set for a channel means no limit there (an email queue rarely has one).</summary>
    public int? CapacityOn(Channel channel) => Capacity.TryGetValue(channel, out var capacity) ? capacity : null;
}

/// <summary>
/// Workspace settings routing reads. The fallback language lets an agent who speaks it (usually English) take a
/// ticket nobody on shift can read, flagged so the UI can say the customer's language is still needed.
/// </summary>
public sealed record RoutingOptions(string? FallbackLanguage = null)
{
    public static readonly RoutingOptions Default = new();
}
