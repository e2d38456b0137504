using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

/// <summary>
/// A contact's addresses. Each address belongs to one contact in a workspace, so intake maps an
/// inbound sender to one person; a contact always keeps at least one, and exactly one is primary.
/// </summary>
public static class ContactEmailApi
{
    public static RouteGroupBuilder MapContactEmailApi(this RouteGroupBuilder contacts)
    {
        contacts.MapPost("/{id:guid}/emails", AddContactEmail).WithWriteTransaction().WithName(nameof(AddContactEmail));
        contacts.MapDelete("/{id:guid}/emails/{address}", RemoveContactEmail).WithWriteTransaction().WithName(nameof(RemoveContactEmail));
        return contacts;
    }

    /// <summary>Adds an address (201), or with `primary: true` makes an address the contact already has primary (200).</summary>
    public static async Task<Results<Created<ContactResponse>, Ok<ContactResponse>, NotFound, ProblemHttpResult>> AddContactEmail(
        Guid id, AddEmailRequest request, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        var address = CustomerFields.Email(request.Address, "address");
        var email = contact.Emails.Find(e => e.Address == address);
        var added = email is null;
        if (email is null)
        {
            if (contact.Emails.Count >= CustomerFields.MaxEmailsPerContact)
            {
                throw new DomainRuleException("address", $"A contact can have at most {CustomerFields.MaxEmailsPerContact} email addresses.");
            }
            if (await ContactRules.FindTakenAsync(db, [address], id, ct) is var (_, holder))
            {
                return ContactRules.EmailTaken("address", address, holder);
            }
            email = new ContactEmail { WorkspaceId = contact.WorkspaceId, ContactId = id, Address = address };
            contact.Emails.Add(email);
        }
        ContactRules.KeepOnePrimary(contact, request.Primary == true ? email : null);
        if (await ContactApi.SaveAsync(db, contact, time, ct) is { } raced)
        {
            return raced;
        }
        var response = (await ContactApi.LoadAsync(db, id, ct))!;
        return added ? TypedResults.Created($"/api/v1/contacts/{id}", response) : TypedResults.Ok(response);
    }

    /// <summary>Removes an address; if it was the primary one, the next address (alphabetically) becomes primary.</summary>
    public static async Task<Results<Ok<ContactResponse>, NotFound, ProblemHttpResult>> RemoveContactEmail(
        Guid id, string address, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == id, ct);
        var normalized = EmailAddress.Normalize(address);
        if (contact?.Emails.Find(e => e.Address == normalized) is not { } email)
        {
            return TypedResults.NotFound();
        }
        if (contact.Emails.Count == 1)
        {
            return DirectoryConflict.Refused("Last email address",
                $"{normalized} is {contact.Name}'s only email address. Add another address before removing this one.");
        }
        contact.Emails.Remove(email);
        ContactRules.KeepOnePrimary(contact);
        if (await ContactApi.SaveAsync(db, contact, time, ct) is { } raced)
        {
            return raced;
        }
        return TypedResults.Ok((await ContactApi.LoadAsync(db, id, ct))!);
    }
}
