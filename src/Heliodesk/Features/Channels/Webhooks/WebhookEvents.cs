using Heliodesk.Common;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Channels.Webhooks;

/// <summary>The events an integration can subscribe to, and how a save's ticket events become them.</summary>
public static class WebhookEvents
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string TicketSolved = "ticket.solved";
    public const string MessageCreated = "message.created";

    public static readonly IReadOnlyList<string> All = [TicketCreated, TicketUpdated, TicketSolved, MessageCreated];

    /// <summary>
    /// One save's worth of changes to one ticket, as webhook events: created, or one "updated" carrying
    /// every field change, plus "solved" when it was solved, plus one "message.created" per message.
    /// </summary>
    public static IEnumerable<WebhookEvent> From(Ticket ticket, IReadOnlyList<TicketEvent> changes, IReadOnlyDictionary<Guid, Message> messages)
    {
        var at = changes.Max(e => e.At);
        var snapshot = TicketSnapshot.Of(ticket);
        var created = changes.Any(e => e.Type == TicketEventType.Created);
        var fieldChanges = changes.Where(e => e.Field is not null && e.Type != TicketEventType.Created)
            .Select(e => new FieldChange(e.Field!, e.From, e.To)).ToList();
        if (created)
        {
            yield return new WebhookEvent(SequentialGuid.Next(), TicketCreated, at, ticket.WorkspaceId, new EventData(snapshot, null, null));
        }
        else if (fieldChanges.Count > 0)
        {
            yield return new WebhookEvent(SequentialGuid.Next(), TicketUpdated, at, ticket.WorkspaceId, new EventData(snapshot, null, fieldChanges));
        }
        if (changes.Any(e => e.Type == TicketEventType.StatusChanged && e.To == "solved"))
        {
            yield return new WebhookEvent(SequentialGuid.Next(), TicketSolved, at, ticket.WorkspaceId, new EventData(snapshot, null, null));
        }
        foreach (var change in changes.Where(e => e.MessageId is not null))
        {
            if (messages.TryGetValue(change.MessageId!.Value, out var message))
            {
                yield return new WebhookEvent(SequentialGuid.Next(), MessageCreated, change.At, ticket.WorkspaceId,
                    new EventData(snapshot, MessageSnapshot.Of(message), null));
            }
        }
    }
}

/// <summary>The body every delivery carries; <see cref="Id"/> is also its webhook-id header.</summary>
public sealed record WebhookEvent(Guid Id, string Type, DateTimeOffset OccurredAt, Guid WorkspaceId, EventData Data);

public sealed record EventData(TicketSnapshot Ticket, MessageSnapshot? Message, IReadOnlyList<FieldChange>? Changes);

public sealed record FieldChange(string Field, string? From, string? To);

public sealed record TicketSnapshot(
    Guid Id, long Number, string Subject, TicketStatus Status, TicketPriority Priority, CustomerUrgency Urgency, Channel Channel,
    string Language, Guid RequesterId, Guid? OrganizationId, Guid? AssigneeId, Guid? TeamId, int Tier, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FirstReplyAt, DateTimeOffset? SolvedAt, int Version)
{
    // The version the save is about to write: the change tracker bumps it just before this runs.
    public static TicketSnapshot Of(Ticket t) => new(
        t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Urgency, t.Channel, t.Language, t.RequesterId, t.OrganizationId,
        t.AssigneeId, t.TeamId, t.Tier, t.Tags.Select(tag => tag.Name).Order(StringComparer.Ordinal).ToList(),
        t.CreatedAt, t.UpdatedAt, t.FirstReplyAt, t.SolvedAt, t.Version);
}

public sealed record MessageSnapshot(
    Guid Id, MessageKind Kind, bool IsPublic, ActorKind AuthorKind, Guid? AuthorId, string AuthorName, string Text, string Html,
    Channel Channel, DateTimeOffset CreatedAt, IReadOnlyList<Guid> AttachmentIds)
{
    public static MessageSnapshot Of(Message m) => new(
        m.Id, m.Kind, m.IsPublic, m.AuthorKind, m.AuthorId, m.AuthorName, m.Text, m.Html, m.Channel, m.CreatedAt,
        m.Attachments.Select(a => a.Id).ToList());
}
