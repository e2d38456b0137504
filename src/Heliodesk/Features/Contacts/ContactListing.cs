using System.ComponentModel;
using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

public sealed record ContactQuery(
    [property: Description("Case-insensitive prefix of the name or of any email address.")] string? Q = null,
    [property: Description("An organization id.")] string? OrganizationId = null,
    [property: Description("prospect, trial, new, established or churned.")] string? Lifecycle = null,
    [property: Description("An exact email address, in any case.")] string? Email = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>The contact directory, sorted by name then id and keyset-paginated on the (workspace, name) index.</summary>
public static class ContactListing
{
    public static async Task<Ok<ContactPage>> ListContacts([AsParameters] ContactQuery query, HeliodeskDb db, CancellationToken ct)
    {
        var limit = Cursor.Limit(query.Limit);
        var contacts = Filter(db.Contacts.AsNoTracking(), query);
        if (NameCursor.Decode(query.Cursor) is var (name, id))
        {
            contacts = contacts.Where(c => string.Compare(c.Name, name) > 0 || (c.Name == name && c.Id > id));
        }
        var page = await contacts.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(limit + 1)
            .Select(ContactProjection.ToResponse).ToListAsync(ct);
        var next = page.Count > limit ? NameCursor.Encode(page[limit - 1].Name, page[limit - 1].Id) : null;
        return TypedResults.Ok(new ContactPage(page.Take(limit).ToList(), next));
    }

    private static IQueryable<Contact> Filter(IQueryable<Contact> contacts, ContactQuery query)
    {
        if (NameSearch.Key(query.Q) is { } key)
        {
            // Addresses are stored lowercased (EmailAddress.Normalize), so they are compared as stored.
            contacts = contacts.Where(c => c.Name.ToLower().StartsWith(key) || c.Emails.Any(e => e.Address.StartsWith(key)));
        }
        if (Fields.Id(query.OrganizationId, "organizationId") is { } organizationId)
        {
            contacts = contacts.Where(c => c.OrganizationId == organizationId);
        }
        if (Fields.Enum<LifecycleStage>(query.Lifecycle, "lifecycle") is { } lifecycle)
        {
            contacts = contacts.Where(c => c.Lifecycle == lifecycle);
        }
        if (!string.IsNullOrWhiteSpace(query.Email))
        {
            var email = EmailAddress.Normalize(query.Email);
            contacts = contacts.Where(c => c.Emails.Any(e => e.Address == email));
        }
        return contacts;
    }
}
