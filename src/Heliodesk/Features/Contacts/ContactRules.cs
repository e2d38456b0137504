using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

/// <summary>How a contact may change: one set of rules for create and update, each error naming its field.</summary>
public static class ContactRules
{
    /// <summary>Applies the fields present in <paramref name="changes"/>; a uniqueness clash comes back as a 409.</summary>
    public static async Task<ProblemHttpResult?> ApplyAsync(Contact contact, ContactChanges changes, HeliodeskDb db, CancellationToken ct)
    {
        CustomerFields.IfSet(changes.Name, v => contact.Name = CustomerFields.Name(v));
        CustomerFields.IfSet(changes.Phone, v => contact.Phone = CustomerFields.Phone(v));
        CustomerFields.IfSet(changes.Language, v => contact.Language = CustomerFields.Language(v));
        CustomerFields.IfSet(changes.TimeZone, v => contact.TimeZone = CustomerFields.TimeZone(v));
        CustomerFields.IfSet(changes.Plan, v => contact.Plan = CustomerFields.Text(v, "plan", Limits.ShortText));
        CustomerFields.IfSet(changes.Mrr, v => contact.Mrr = CustomerFields.Mrr(v));
        CustomerFields.IfSet(changes.Currency, v => contact.Currency = Fields.Currency(v));
        CustomerFields.IfSet(changes.SignupDate, v => contact.SignupDate = v);
        CustomerFields.IfSet(changes.Lifecycle, v => contact.Lifecycle = v);
        if (changes.OrganizationId.IsSet)
        {
            contact.OrganizationId = await EnsureOrganizationAsync(db, changes.OrganizationId.Value, ct);
        }
        if (changes.ExternalId.IsSet)
        {
            var externalId = CustomerFields.Text(changes.ExternalId.Value, "externalId", Limits.ShortText);
            var holder = externalId is null ? null : await db.Contacts.Where(c => c.ExternalId == externalId && c.Id != contact.Id)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (holder is not null)
            {
                return DirectoryConflict.Taken("externalId", $"Another contact already has the external id '{externalId}'.", holder.Value);
            }
            contact.ExternalId = externalId;
        }
        return null;
    }

    /// <summary>The first of <paramref name="addresses"/> that belongs to a contact other than <paramref name="contactId"/>.</summary>
    public static async Task<(string Address, Guid ContactId)?> FindTakenAsync(HeliodeskDb db, List<string> addresses, Guid contactId, CancellationToken ct)
    {
        var taken = await db.ContactEmails.Where(e => addresses.Contains(e.Address) && e.ContactId != contactId)
            .Select(e => new { e.Address, e.ContactId }).ToListAsync(ct);
        return taken.Count == 0 ? null : taken.Select(t => (t.Address, t.ContactId)).MinBy(t => addresses.IndexOf(t.Address));
    }

    public static ProblemHttpResult EmailTaken(string field, string address, Guid holder) =>
        DirectoryConflict.Taken(field, $"{address} already belongs to another contact.", holder);

    /// <summary>Makes <paramref name="chosen"/> the primary address, or keeps one primary when it was removed.</summary>
    public static void KeepOnePrimary(Contact contact, ContactEmail? chosen = null)
    {
        chosen ??= contact.Emails.Find(e => e.IsPrimary) ?? contact.Emails.MinBy(e => e.Address, StringComparer.Ordinal);
        foreach (var email in contact.Emails)
        {
            email.IsPrimary = email == chosen;
        }
    }

    public static async Task<Guid?> EnsureOrganizationAsync(HeliodeskDb db, Guid? organizationId, CancellationToken ct) =>
        organizationId is not { } id || await db.Organizations.AnyAsync(o => o.Id == id, ct) ? organizationId
            : throw new DomainRuleException("organizationId", "No organization with this id in this workspace.");
}
