using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Contacts;

public sealed record RequesterInfo(string Email, string? Name, string? Language = null, string? TimeZone = null);

/// <summary>Finds the contact behind an address, or creates one and files it under its company.</summary>
public sealed class ContactDirectory(HeliodeskDb db, WorkspaceScope scope, NewContactClaims claims, NewContactClaims.Held held)
{
    public async Task<Contact> FindOrCreateAsync(RequesterInfo requester, DateTimeOffset now, CancellationToken ct)
    {
        var address = EmailAddress.Normalize(requester.Email);
        var claimed = db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null;
        while (true)
        {
            if (await ByAddressAsync(address, ct) is { } known)
            {
                return known;
            }
            // PostgreSQL settles races with a savepoint below, and a transaction serializes SQLite writers.
            // Otherwise claim the address, then look once more: another request may have stored it
            // between the first look and the claim.
            if (claimed)
            {
                break;
            }
            if (claims.TryClaim(scope.WorkspaceId, address, held) is { } otherCreator)
            {
                await otherCreator.WaitAsync(ct);
                continue;
            }
            claimed = true;
        }

        var organizationId = await OrganizationForAsync(address, ct);
        var contact = new Contact
        {
            WorkspaceId = scope.WorkspaceId,
            Name = string.IsNullOrWhiteSpace(requester.Name) ? address[..address.IndexOf('@')] : requester.Name.Trim(),
            Language = LanguageTag.Normalize(requester.Language),
            TimeZone = TimeZones.IsKnown(requester.TimeZone) ? requester.TimeZone : null,
            OrganizationId = organizationId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        contact.Emails.Add(new ContactEmail { WorkspaceId = scope.WorkspaceId, ContactId = contact.Id, Address = address, IsPrimary = true });
        db.Contacts.Add(contact);
        return await SaveOrAdoptWinnerAsync(contact, address, ct);
    }

    // Two first messages from one new address can race (a double-submitted form, two mails at once).
    // On PostgreSQL the loser's insert waits for the winner and then violates the address's unique
    // key; a savepoint lets it fall back to the winner's contact instead of failing the request.
    // SQLite serializes writers, so there the insert simply waits its turn and finds the contact.
    private async Task<Contact> SaveOrAdoptWinnerAsync(Contact contact, string address, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not { } transaction || !db.Database.IsNpgsql())
        {
            return contact;
        }
        await transaction.CreateSavepointAsync("contact", ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return contact;
        }
        catch (DbUpdateException e) when (ConflictingWrites.IsKeyViolation(e))
        {
            await transaction.RollbackToSavepointAsync("contact", ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity == contact || contact.Emails.Contains(e.Entity)).ToList())
            {
                entry.State = EntityState.Detached;
            }
            return await ByAddressAsync(address, ct) ?? throw new InvalidOperationException("The contact that won the race is gone.");
        }
    }

    // One round trip: the address's owner with all their addresses. An equality on the id (not IN) keeps
    // SQLite's plan to three index lookups instead of a scan of the workspace's contacts.
    private Task<Contact?> ByAddressAsync(string address, CancellationToken ct) =>
        db.Contacts.Include(c => c.Emails)
            .Where(c => c.Id == db.ContactEmails.Where(e => e.Address == address).Select(e => e.ContactId).FirstOrDefault()).FirstOrDefaultAsync(ct);

    /// <summary>The company whose domains include the address's domain; the oldest wins if several claim it.</summary>
    public Task<Guid?> OrganizationForAsync(string normalizedAddress, CancellationToken ct)
    {
        var domain = EmailAddress.Domain(normalizedAddress);
        return db.Organizations.Where(o => o.Domains.Contains(domain))
            .OrderBy(o => o.CreatedAt).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
    }
}
