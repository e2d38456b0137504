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
    public OrganizationChanges AsChanges() => new()
    {
        Name = Optional<string?>.Of(Name),
        Domains = Optional<List<string>?>.Of(Domains),
        Plan = Optional<string?>.Of(Plan),
        Mrr = Optional<decimal?>.Of(Mrr),
        Currency = Optional<string?>.Of(Currency),
        Lifecycle = Optional<LifecycleStage?>.Of(Lifecycle),
        SignupDate = Optional<DateOnly?>.Of(SignupDate),
        ExternalId = Optional<string?>.Of(ExternalId),
        Notes = Optional<string?>.Of(Notes),
    };
}

/// <summary>PATCH body: only the fields present change; null clears a field (domains: null or [] removes them all).</summary>
public sealed record OrganizationChanges
{
    public Optional<string?> Name { get; init; }

    public Optional<List<string>?> Domains { get; init; }

    public Optional<string?> Plan { get; init; }

    public Optional<decimal?> Mrr { get; init; }

    public Optional<string?> Currency { get; init; }

    public Optional<LifecycleStage?> Lifecycle { get; init; }

    public Optional<DateOnly?> SignupDate { get; init; }

    public Optional<string?> ExternalId { get; init; }

    public Optional<string?> Notes { get; init; }
}

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
        0, // filled in from the Tickets feature (TicketCounts) by whoever loads the response
        o.CreatedAt, o.UpdatedAt);
}
