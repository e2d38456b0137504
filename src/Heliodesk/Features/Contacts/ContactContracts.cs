using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Heliodesk.Common;

namespace Heliodesk.Features.Contacts;

public sealed record CreateContactRequest(
    [property: Required] string Name,
    [property: Required, Description("At least one; the first is the primary address.")] List<string> Emails,
    string? Phone = null,
    [property: Description("BCP 47, e.g. lt or sr-Cyrl.")] string? Language = null,
    [property: Description("IANA, e.g. Europe/Vilnius.")] string? TimeZone = null,
    string? Plan = null,
    decimal? Mrr = null,
    string? Currency = null,
    DateOnly? SignupDate = null,
    LifecycleStage? Lifecycle = null,
    string? ExternalId = null)
{
    // Not a constructor parameter: a struct's "= default" reads back as null through reflection,
    // which the OpenAPI schema exporter then fails to serialize as an Optional.
    [Description("Absent: the organization whose domains include the first address's domain. Null: none.")]
    public Optional<Guid?> OrganizationId { get; init; }

    /// <summary>A new contact is an empty one with every field set, so create and update share one set of rules.</summary>
    public ContactChanges AsChanges() => new()
    {
        Name = Optional<string?>.Of(Name),
        Phone = Optional<string?>.Of(Phone),
        Language = Optional<string?>.Of(Language),
        TimeZone = Optional<string?>.Of(TimeZone),
        OrganizationId = OrganizationId,
        Plan = Optional<string?>.Of(Plan),
        Mrr = Optional<decimal?>.Of(Mrr),
        Currency = Optional<string?>.Of(Currency),
        SignupDate = Optional<DateOnly?>.Of(SignupDate),
        Lifecycle = Optional<LifecycleStage?>.Of(Lifecycle),
        ExternalId = Optional<string?>.Of(ExternalId),
    };
}

/// <summary>PATCH body: only the fields present change; null clears a field (a name cannot be cleared).</summary>
public sealed record ContactChanges
{
    public Optional<string?> Name { get; init; }

    public Optional<string?> Phone { get; init; }

    public Optional<string?> Language { get; init; }

    public Optional<string?> TimeZone { get; init; }

    public Optional<Guid?> OrganizationId { get; init; }

    public Optional<string?> Plan { get; init; }

    public Optional<decimal?> Mrr { get; init; }

    public Optional<string?> Currency { get; init; }

    public Optional<DateOnly?> SignupDate { get; init; }

    public Optional<LifecycleStage?> Lifecycle { get; init; }

    public Optional<string?> ExternalId { get; init; }
}

public sealed record AddEmailRequest(
    [property: Required] string Address,
    [property: Description("Make this the contact's primary address.")] bool? Primary = null);

public sealed record ContactEmailResponse(string Address, bool Primary);

public sealed record ContactResponse(
    Guid Id, string Name, IReadOnlyList<ContactEmailResponse> Emails, string? Phone, string? Language, string? TimeZone,
    Guid? OrganizationId, string? Plan, decimal? Mrr, string? Currency, DateOnly? SignupDate, LifecycleStage? Lifecycle,
    string? ExternalId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The primary address, where replies go.</summary>
    public string? Email => Emails.FirstOrDefault(e => e.Primary)?.Address ?? Emails.FirstOrDefault()?.Address;
}

public sealed record ContactPage(IReadOnlyList<ContactResponse> Items, string? NextCursor);

public static class ContactProjection
{
    /// <summary>A contact with its addresses, primary first, in one query per page.</summary>
    public static readonly Expression<Func<Contact, ContactResponse>> ToResponse = c => new ContactResponse(
        c.Id, c.Name,
        c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Address).Select(e => new ContactEmailResponse(e.Address, e.IsPrimary)).ToList(),
        c.Phone, c.Language, c.TimeZone, c.OrganizationId, c.Plan, c.Mrr, c.Currency, c.SignupDate, c.Lifecycle, c.ExternalId,
        c.CreatedAt, c.UpdatedAt);
}
