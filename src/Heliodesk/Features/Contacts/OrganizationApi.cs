using System.ComponentModel;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

public sealed record OrganizationQuery(
    [property: Description("Case-insensitive prefix of the name.")] string? Q = null,
    [property: Description("prospect, trial, new, established or churned.")] string? Lifecycle = null,
    [property: Description("A plan name, in any case.")] string? Plan = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>Customer companies. Staff only, like the contact directory; deleting one is for admins.</summary>
public static class OrganizationApi
{
    public static RouteGroupBuilder MapOrganizationApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations").RequireAuthorization(Policies.Staff);
        organizations.MapGet("/", ListOrganizations).WithName(nameof(ListOrganizations));
        organizations.MapPost("/", CreateOrganization).WithWriteTransaction().WithName(nameof(CreateOrganization));
        organizations.MapGet("/{id:guid}", GetOrganization).WithName(nameof(GetOrganization));
        organizations.MapPatch("/{id:guid}", UpdateOrganization).WithWriteTransaction().WithName(nameof(UpdateOrganization));
        organizations.MapDelete("/{id:guid}", DeleteOrganization).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeleteOrganization));
        organizations.MapGet("/{id:guid}/contacts", ListOrganizationContacts).WithName(nameof(ListOrganizationContacts));
        return organizations;
    }

    /// <summary>Sorted by name then id, keyset-paginated like the contact list.</summary>
    public static async Task<Ok<OrganizationPage>> ListOrganizations([AsParameters] OrganizationQuery query, HeliodeskDb db, CancellationToken ct)
    {
        var limit = Cursor.Limit(query.Limit);
        var organizations = db.Organizations.AsNoTracking();
        if (NameSearch.Key(query.Q) is { } key)
        {
            organizations = organizations.Where(o => o.Name.ToLower().StartsWith(key));
        }
        if (Fields.Enum<LifecycleStage>(query.Lifecycle, "lifecycle") is { } lifecycle)
        {
            organizations = organizations.Where(o => o.Lifecycle == lifecycle);
        }
        if (NameSearch.Key(query.Plan) is { } plan)
        {
            organizations = organizations.Where(o => o.Plan!.ToLower() == plan);
        }
        if (NameCursor.Decode(query.Cursor) is var (name, id))
        {
            organizations = organizations.Where(o => string.Compare(o.Name, name) > 0 || (o.Name == name && o.Id > id));
        }
        var page = await organizations.OrderBy(o => o.Name).ThenBy(o => o.Id).Take(limit + 1)
            .Select(OrganizationProjection.ToSummary).ToListAsync(ct);
        var next = page.Count > limit ? NameCursor.Encode(page[limit - 1].Name, page[limit - 1].Id) : null;
        return TypedResults.Ok(new OrganizationPage(page.Take(limit).ToList(), next));
    }

    public static async Task<Results<Created<OrganizationResponse>, ProblemHttpResult>> CreateOrganization(
        CreateOrganizationRequest request, HeliodeskDb db, TicketCounts tickets, WorkspaceScope scope, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var organization = new Organization { WorkspaceId = scope.WorkspaceId, Name = "", CreatedAt = now, UpdatedAt = now };
        if (await ApplyAsync(organization, request.AsChanges(), db, ct) is { } conflict)
        {
            return conflict;
        }
        db.Organizations.Add(organization);
        if (await DirectoryConflict.SaveAsync(db, ct) is { } raced)
        {
            return raced;
        }
        return TypedResults.Created($"/api/v1/organizations/{organization.Id}", (await LoadAsync(db, tickets, organization.Id, ct))!);
    }

    public static async Task<Results<Ok<OrganizationResponse>, NotFound>> GetOrganization(Guid id, HeliodeskDb db, TicketCounts tickets, CancellationToken ct) =>
        await LoadAsync(db, tickets, id, ct) is { } organization ? TypedResults.Ok(organization) : TypedResults.NotFound();

    public static async Task<Results<Ok<OrganizationResponse>, NotFound, ProblemHttpResult>> UpdateOrganization(
        Guid id, OrganizationChanges changes, HeliodeskDb db, TicketCounts tickets, TimeProvider time, CancellationToken ct)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }
        if (await ApplyAsync(organization, changes, db, ct) is { } conflict)
        {
            return conflict;
        }
        organization.UpdatedAt = time.GetUtcNow();
        if (await DirectoryConflict.SaveAsync(db, ct) is { } raced)
        {
            return raced;
        }
        return TypedResults.Ok((await LoadAsync(db, tickets, id, ct))!);
    }

    /// <summary>Its contacts and tickets stay; the database clears their organizationId (ON DELETE SET NULL).</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteOrganization(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == id).ExecuteDeleteAsync(ct) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();

    public static async Task<Results<Ok<ContactPage>, NotFound>> ListOrganizationContacts(
        Guid id, [AsParameters] ContactQuery query, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return await ContactListing.ListContacts(query with { OrganizationId = id.ToString() }, db, ct);
    }

    private static async Task<ProblemHttpResult?> ApplyAsync(Organization organization, OrganizationChanges changes, HeliodeskDb db, CancellationToken ct)
    {
        CustomerFields.IfSet(changes.Name, v => organization.Name = CustomerFields.Name(v));
        CustomerFields.IfSet(changes.Domains, v => organization.Domains = CustomerFields.Domains(v));
        CustomerFields.IfSet(changes.Plan, v => organization.Plan = CustomerFields.Text(v, "plan", Limits.ShortText));
        CustomerFields.IfSet(changes.Mrr, v => organization.Mrr = CustomerFields.Mrr(v));
        CustomerFields.IfSet(changes.Currency, v => organization.Currency = Fields.Currency(v));
        CustomerFields.IfSet(changes.Lifecycle, v => organization.Lifecycle = v);
        CustomerFields.IfSet(changes.SignupDate, v => organization.SignupDate = v);
        CustomerFields.IfSet(changes.Notes, v => organization.Notes = CustomerFields.Text(v, "notes", CustomerFields.MaxNotes));
        if (changes.ExternalId.IsSet)
        {
            var externalId = CustomerFields.Text(changes.ExternalId.Value, "externalId", Limits.ShortText);
            var holder = externalId is null ? null : await db.Organizations.Where(o => o.ExternalId == externalId && o.Id != organization.Id)
                .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            if (holder is not null)
            {
                return DirectoryConflict.Taken("externalId", $"Another organization already has the external id '{externalId}'.", holder.Value);
            }
            organization.ExternalId = externalId;
        }
        return null;
    }

    private static async Task<OrganizationResponse?> LoadAsync(HeliodeskDb db, TicketCounts tickets, Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(OrganizationProjection.ToResponse(db)).FirstOrDefaultAsync(ct);
        return organization is null ? null : organization with { OpenTicketCount = await tickets.UnsolvedForOrganizationAsync(id, ct) };
    }
}
