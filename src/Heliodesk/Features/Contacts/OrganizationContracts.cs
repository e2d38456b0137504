using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Tickets;

namespace Heliodesk.Features.Contacts;

public sealed record CreateOrganizationRequest(
    [property: Required] string Name,
    [property: Description("Email domains such as acme.com: new requesters from them join this organization.")] List<string>? Domains = null,
    string? Plan = null,
    decimal? Mrr = null,
    string? Currency = null,
    LifecycleStage? Lifecycle = null,
    DateOnly? SignupDate = null,
    string? ExternalId = null,
    string? Notes = null)
{
    /// <summary>A new organization is an empty one with every field set, so create and update share one set of rules.</summary>
    public OrganizationChanges AsChanges() => new(
        Optional<string?>.Of(Name), Optional<List<string>?>.Of(Domains), Optional<string?>.Of(Plan), Optional<decimal?>.Of(Mrr),
        Optional<string?>.Of(Currency), Optional<LifecycleStage?>.Of(Lifecycle), Optional<DateOnly?>.Of(SignupDate),
        Optional<string?>.Of(ExternalId), Optional<string?>.Of(Notes));
}

/// <summary>PATCH body: only the fields present change; null clears a field (domains: null or [] removes them all).</summary>
public sealed record OrganizationChanges(
    Optional<string?> Name = default,
    Optional<List<string>?> Domains = default,
    Optional<string?> Plan = default,
    Optional<decimal?> Mrr = default,
    Optional<string?> Currency = default,
    Optional<LifecycleStage?> Lifecycle = default,
    Optional<DateOnly?> SignupDate = default,
    Optional<string?> ExternalId = default,
    Optional<string?> Notes = default);

/// <summary>An organization in a list: no notes and no counts, so a page stays small and cheap.</summary>
public sealed record OrganizationSummary(
    Guid Id, string Name, IReadOnlyList<string> Domains, string? Plan, decimal? Mrr, string? Currency,
    LifecycleStage? Lifecycle, DateOnly? SignupDate, string? ExternalId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record OrganizationResponse(
    Guid Id, string Name, IReadOnlyList<string> Domains, string? Plan, decimal? Mrr, string? Currency,
    LifecycleStage? Lifecycle, DateOnly? SignupDate, string? ExternalId, string? Notes,
    [property: Description("Contacts filed under this organization.")] int ContactCount,
    [property: Description("Its tickets that are not solved or closed.")] int OpenTicketCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record OrganizationPage(IReadOnlyList<OrganizationSummary> Items, string? NextCursor);

public static class OrganizationProjection
{
    public static readonly Expression<Func<Organization, OrganizationSummary>> ToSummary = o => new OrganizationSummary(
        o.Id, o.Name, o.Domains, o.Plan, o.Mrr, o.Currency, o.Lifecycle, o.SignupDate, o.ExternalId, o.CreatedAt, o.UpdatedAt);

    /// <summary>One organization with its counts, in one query; both counts ride on indexes of OrganizationId.</summary>
    public static Expression<Func<Organization, OrganizationResponse>> ToResponse(HeliodeskDb db) => o => new OrganizationResponse(
        o.Id, o.Name, o.Domains, o.Plan, o.Mrr, o.Currency, o.Lifecycle, o.SignupDate, o.ExternalId, o.Notes,
        db.Contacts.Count(c => c.OrganizationId == o.Id),
        db.Tickets.Count(t => t.OrganizationId == o.Id && TicketStatuses.Unsolved.Contains(t.Status)),
        o.CreatedAt, o.UpdatedAt);
}
