using System.Net.Mail;

namespace Heliodesk.Common;

/// <summary>Email addresses compared the way people expect: trimmed and case-insensitive.</summary>
public static class EmailAddress
{
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Length <= Limits.Email
        && MailAddress.TryCreate(address.Trim(), out var parsed) && parsed.Address == address.Trim()
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    public static string Domain(string normalized) => normalized[(normalized.LastIndexOf('@') + 1)..];
}
