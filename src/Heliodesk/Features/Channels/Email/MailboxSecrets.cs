using Microsoft.AspNetCore.DataProtection;

namespace Heliodesk.Features.Channels.Email;

/// <summary>
/// Mailbox passwords must be usable (we log in with them), so they are encrypted, not hashed:
/// ASP.NET Core Data Protection with a purpose of their own, the same key ring as the stored
/// idempotent answers (ADR 0007). They are never returned by the API.
/// </summary>
public sealed class MailboxSecrets(IDataProtectionProvider protection)
{
    /// <summary>The longest password or access token accepted, and the room its encrypted form needs.</summary>
    public const int MaxCredentialLength = 6000;
    public const int MaxProtectedLength = 12000;

    private readonly IDataProtector _protector = protection.CreateProtector("Heliodesk.MailboxCredentials.v1");

    public string? Protect(string? password) => string.IsNullOrEmpty(password) ? null : _protector.Protect(password);

    public string? Unprotect(string? stored) => stored is null ? null : _protector.Unprotect(stored);
}
