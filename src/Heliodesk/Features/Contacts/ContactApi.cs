using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

/// <summary>The customer directory. Staff only: contractors see a ticket's requester, not the directory.</summary>
public static class ContactApi
{
    public static RouteGroupBuilder MapContactApi(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts").RequireAuthorization(Policies.Staff);
        contacts.MapGet("/", ContactListing.ListContacts).WithName(nameof(ContactListing.ListContacts));
        contacts.MapPost("/", CreateContact).WithWriteTransaction().WithName(nameof(CreateContact));
        contacts.MapGet("/{id:guid}", GetContact).WithName(nameof(GetContact));
        contacts.MapPatch("/{id:guid}", UpdateContact).WithWriteTransaction().WithName(nameof(UpdateContact));
        contacts.MapDelete("/{id:guid}", DeleteContact).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeleteContact));
        contacts.MapGet("/{id:guid}/tickets", ListContactTickets).WithName(nameof(ListContactTickets));
        return contacts;
    }

    public static async Task<Results<Created<ContactResponse>, ProblemHttpResult>> CreateContact(
        CreateContactRequest request, HeliodeskDb db, ContactDirectory directory, WorkspaceScope scope, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var contact = new Contact { WorkspaceId = scope.WorkspaceId, Name = "", CreatedAt = now, UpdatedAt = now };
        if (await ContactRules.ApplyAsync(contact, request.AsChanges(), db, ct) is { } conflict)
        {
            return conflict;
        }
        var emails = CustomerFields.Emails(request.Emails);
        if (await ContactRules.FindTakenAsync(db, emails, contact.Id, ct) is var (address, holder))
        {
            var field = $"emails[{request.Emails.FindIndex(raw => EmailAddress.Normalize(raw) == address)}]";
            return ContactRules.EmailTaken(field, address, holder);
        }
        if (!request.OrganizationId.IsSet)
        {
            contact.OrganizationId = await directory.OrganizationForAsync(emails[0], ct);
        }
        contact.Emails.AddRange(emails.Select((email, i) =>
            new ContactEmail { WorkspaceId = scope.WorkspaceId, ContactId = contact.Id, Address = email, IsPrimary = i == 0 }));
        db.Contacts.Add(contact);
        if (await DirectoryConflict.SaveAsync(db, ct) is { } raced)
        {
            return raced;
        }
        return TypedResults.Created($"/api/v1/contacts/{contact.Id}", (await LoadAsync(db, contact.Id, ct))!);
    }

    public static async Task<Results<Ok<ContactResponse>, NotFound>> GetContact(Guid id, HeliodeskDb db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } contact ? TypedResults.Ok(contact) : TypedResults.NotFound();

    public static async Task<Results<Ok<ContactResponse>, NotFound, ProblemHttpResult>> UpdateContact(
        Guid id, ContactChanges changes, HeliodeskDb db, TimeProvider time, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        if (await ContactRules.ApplyAsync(contact, changes, db, ct) is { } conflict)
        {
            return conflict;
        }
        if (await SaveAsync(db, contact, time, ct) is { } raced)
        {
            return raced;
        }
        return TypedResults.Ok((await LoadAsync(db, id, ct))!);
    }

    /// <summary>Admins only, and only a contact without tickets: tickets keep their requester for the record.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteContact(Guid id, HeliodeskDb db, TicketCounts ticketCounts, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Emails).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        var tickets = await ticketCounts.RequestedByAsync(id, ct);
        if (tickets > 0)
        {
            return DirectoryConflict.Refused("Contact has tickets",
                $"{contact.Name} is the requester of {tickets} ticket{(tickets == 1 ? "" : "s")}. Tickets keep their requester "
                + "for the record, so only a contact without tickets can be deleted.");
        }
        db.Contacts.Remove(contact);
        return await DirectoryConflict.SaveAsync(db, ct) is { } raced ? raced : TypedResults.NoContent();
    }

    /// <summary>The contact's tickets, newest first: the ticket list itself, filtered to this requester.</summary>
    public static async Task<Results<Ok<TicketPage>, NotFound>> ListContactTickets(
        Guid id, int? limit, string? cursor, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return await TicketListing.ListTickets(new TicketQuery(RequesterId: id, Limit: limit, Cursor: cursor), caller, db, ct);
    }

    /// <summary>Stamps the change with the injected clock and saves it.</summary>
    public static Task<ProblemHttpResult?> SaveAsync(HeliodeskDb db, Contact contact, TimeProvider time, CancellationToken ct)
    {
        contact.UpdatedAt = time.GetUtcNow();
        return DirectoryConflict.SaveAsync(db, ct);
    }

    public static Task<ContactResponse?> LoadAsync(HeliodeskDb db, Guid id, CancellationToken ct) =>
        db.Contacts.AsNoTracking().Where(c => c.Id == id).Select(ContactProjection.ToResponse).FirstOrDefaultAsync(ct);
}
