using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Heliodesk.Common;
using Heliodesk.Data;

namespace Heliodesk.Features.Tickets;

public sealed record RequesterRequest(
    [property: Required, MaxLength(Limits.Email)] string Email,
    [property: MaxLength(Limits.Name)] string? Name,
    [property: MaxLength(Limits.Language)] string? Language = null,
    [property: MaxLength(Limits.TimeZone)] string? TimeZone = null);

public sealed record CreateTicketRequest(
    [property: Required, MaxLength(Limits.Subject)] string Subject,
    [property: MaxLength(Limits.MessageText)] string? Body,
    [property: Required] RequesterRequest Requester,
    [property: MaxLength(Limits.MessageHtml)] string? Html = null,
    TicketPriority? Priority = null,
    CustomerUrgency? Urgency = null,
    Channel? Channel = null,
    [property: MaxLength(Limits.Language)] string? Language = null,
    TicketStatus? Status = null,
    Guid? TeamId = null,
    Guid? AssigneeId = null,
    [property: Range(1, 3)] int? Tier = null,
    [property: MaxLength(Limits.TagsPerTicket)] List<string>? Tags = null,
    [property: MaxLength(Limits.AttachmentsPerMessage)] List<Guid>? AttachmentIds = null);

/// <summary>Only the fields present change; assigneeId and teamId may be null to clear them.</summary>
public sealed record UpdateTicketRequest
{
    [MaxLength(Limits.Subject), MinLength(1)]
    public string? Subject { get; init; }

    public TicketStatus? Status { get; init; }

    public TicketPriority? Priority { get; init; }

    public CustomerUrgency? Urgency { get; init; }

    public Optional<Guid?> AssigneeId { get; init; }

    public Optional<Guid?> TeamId { get; init; }

    [Range(1, 3)]
    public int? Tier { get; init; }

    [MaxLength(Limits.Language)]
    public string? Language { get; init; }

    [MaxLength(Limits.TagsPerTicket)]
    public List<string>? Tags { get; init; }

    public int? Version { get; init; }
}

public sealed record PersonSummary(Guid Id, string Name, string? Email);

public sealed record TicketResponse(
    Guid Id, long Number, string Subject, TicketStatus Status, TicketPriority Priority, CustomerUrgency Urgency,
    Channel Channel, string Language, PersonSummary Requester, Guid? OrganizationId, Guid? AssigneeId, Guid? TeamId,
    int Tier, IReadOnlyList<string> Tags, Guid? FollowUpOfId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstReplyAt, DateTimeOffset? SolvedAt, DateTimeOffset? ClosedAt, int ReopenCount, int TouchCount, int Version,
    Guid? MergedIntoId = null);

public sealed record TicketPage(IReadOnlyList<TicketResponse> Items, string? NextCursor);

public static class TicketProjection
{
    /// <summary>One SQL query for a page of tickets with their requester and tags.</summary>
    public static Expression<Func<Ticket, TicketResponse>> ToResponse(HeliodeskDb db) => t => new TicketResponse(
        t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Urgency, t.Channel, t.Language,
        db.Contacts.Where(c => c.Id == t.RequesterId).Select(c => new PersonSummary(c.Id, c.Name,
            c.Emails.OrderByDescending(e => e.IsPrimary).Select(e => e.Address).FirstOrDefault())).First(),
        t.OrganizationId, t.AssigneeId, t.TeamId, t.Tier, t.Tags.OrderBy(g => g.Name).Select(g => g.Name).ToList(), t.FollowUpOfId,
        t.CreatedAt, t.UpdatedAt, t.FirstReplyAt, t.SolvedAt, t.ClosedAt, t.ReopenCount, t.TouchCount, t.Version, t.MergedIntoId);

    public static TicketResponse ToResponse(this Ticket t, PersonSummary requester) => new(
        t.Id, t.Number, t.Subject, t.Status, t.Priority, t.Urgency, t.Channel, t.Language, requester, t.OrganizationId,
        t.AssigneeId, t.TeamId, t.Tier, t.Tags.Select(g => g.Name).Order(StringComparer.Ordinal).ToList(), t.FollowUpOfId,
        t.CreatedAt, t.UpdatedAt, t.FirstReplyAt, t.SolvedAt, t.ClosedAt, t.ReopenCount, t.TouchCount, t.Version, t.MergedIntoId);
}
