using System.ComponentModel.DataAnnotations;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Channels.InboundWebhooks;

public sealed record CreateInboundChannelRequest(
    [property: Required, MaxLength(Limits.Name)] string Name,
    [property: MaxLength(Limits.Url)] string? ReplyUrl = null);

/// <summary>Only the fields present change; "replyUrl": "" removes the reply URL, "active": false turns the channel off.</summary>
public sealed record UpdateInboundChannelRequest
{
    [MaxLength(Limits.Name), MinLength(1)]
    public string? Name { get; init; }

    [MaxLength(Limits.Url)]
    public string? ReplyUrl { get; init; }

    public bool? Active { get; init; }
}

public sealed record InboundChannelResponse(
    Guid Id, string Name, string? ReplyUrl, bool Active, string MessagesUrl, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static InboundChannelResponse Of(InboundChannel c) =>
        new(c.Id, c.Name, c.ReplyUrl, c.IsActive, InboundMessageEndpoint.Path(c.Id), c.CreatedAt, c.UpdatedAt);
}

/// <summary>The signing secret is shown here, once; Heliodesk keeps it only encrypted.</summary>
public sealed record CreatedInboundChannel(InboundChannelResponse Channel, string Secret);

/// <summary>What another system POSTs: one customer message in one external conversation.</summary>
public sealed record InboundWebhookPayload(
    string? MessageId, string? ConversationId, InboundSender? From, string? Subject, string? Text, string? Html,
    string? Language, CustomerUrgency? Urgency);

public sealed record InboundSender(string? Name, string? Email, string? Phone);

public sealed record InboundWebhookAccepted(Guid TicketId, long TicketNumber, Guid MessageId, bool OpenedTicket, bool Duplicate);

public sealed record InboundWebhookReplyResponse(
    Guid Id, Guid MessageId, ReplyDeliveryStatus Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset? DeliveredAt)
{
    public static InboundWebhookReplyResponse Of(InboundWebhookReply r) =>
        new(r.Id, r.MessageId, r.Status, r.Attempts, r.CreatedAt, r.LastAttemptAt, r.LastStatusCode, r.LastError, r.DeliveredAt);
}

/// <summary>What Heliodesk POSTs to the reply URL for each public agent reply.</summary>
public sealed record OutgoingWebhookReply(
    string Type, Guid Id, string ConversationId, Guid TicketId, long TicketNumber, string AuthorName, string Text, string? Html, DateTimeOffset CreatedAt);
