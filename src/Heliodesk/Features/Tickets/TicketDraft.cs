namespace Heliodesk.Features.Tickets;

/// <summary>What a new ticket starts from; Intake fills it in.</summary>
public sealed record TicketDraft(
    Guid WorkspaceId, long Number, string Subject, Channel Channel, Guid RequesterId, Guid? OrganizationId,
    string Language, CustomerUrgency Urgency, TicketPriority? Priority, Guid? FollowUpOfId = null);
