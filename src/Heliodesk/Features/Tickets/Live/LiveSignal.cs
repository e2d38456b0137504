using System.Text.Json;
using System.Text.Json.Serialization;

namespace Heliodesk.Features.Tickets.Live;

/// <summary>
/// One NOTIFY payload on the live channel: a ticket change or a presence signal, from one node. Ids, a
/// version and event kinds only, never tenant text (names, subjects): receivers re-read what they show
/// through their own access rules. Short property names keep it far below PostgreSQL's 8,000-byte limit.
/// </summary>
internal sealed record LiveSignal
{
    public const string TicketKind = "t";
    public const string PresenceKind = "p";

    [JsonPropertyName("n")] public Guid Node { get; init; }
    [JsonPropertyName("k")] public string Kind { get; init; } = TicketKind;
    [JsonPropertyName("w")] public Guid WorkspaceId { get; init; }
    [JsonPropertyName("t")] public Guid TicketId { get; init; }
    [JsonPropertyName("#")] public long Number { get; init; }
    [JsonPropertyName("v")] public int Version { get; init; }
    [JsonPropertyName("e")] public TicketEventType[]? Events { get; init; }
    [JsonPropertyName("a")] public Guid? ActorId { get; init; }
    [JsonPropertyName("m")] public Guid? MessageId { get; init; }
    [JsonPropertyName("s")] public Guid SessionId { get; init; }
    [JsonPropertyName("y")] public bool Typing { get; init; }
    [JsonPropertyName("l")] public bool Left { get; init; }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public static string Encode(Guid node, TicketChange change) => JsonSerializer.Serialize(new LiveSignal
    {
        Node = node,
        WorkspaceId = change.WorkspaceId,
        TicketId = change.TicketId,
        Number = change.Number,
        Version = change.Version,
        Events = [.. change.Events],
        ActorId = change.ActorId,
        MessageId = change.MessageId,
    }, Json);

    public static string Encode(Guid node, PresenceSignal signal) => JsonSerializer.Serialize(new LiveSignal
    {
        Node = node,
        Kind = PresenceKind,
        TicketId = signal.TicketId,
        SessionId = signal.SessionId,
        ActorId = signal.AgentId,
        Typing = signal.IsTyping,
        Left = signal.Left,
    }, Json);

    /// <summary>Null when the payload is not one of ours (another program on the channel, or a newer format).</summary>
    public static LiveSignal? Decode(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<LiveSignal>(payload, Json) is { Node: var node } signal && node != Guid.Empty ? signal : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public TicketChange ToChange() =>
        new(WorkspaceId, TicketId, Number, Version, Events ?? [], ActorId, MessageId);

    public PresenceSignal ToPresence() =>
        new(TicketId, SessionId, ActorId ?? Guid.Empty, Typing, Left);
}
