using System.Security.Cryptography;
using System.Text;
using Heliodesk.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Channels.Widget;

/// <summary>
/// The workspace's widget secret: generated here, shown to the admin once, kept encrypted, and used to check
/// the HMAC-SHA256 a host application puts over its user's id.
/// </summary>
public sealed class WidgetSecrets(HeliodeskDb db, IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Heliodesk.WidgetSecrets.v1");

    public async Task<WidgetSettings> SettingsAsync(CancellationToken ct)
    {
        var settings = await db.Set<WidgetSettings>().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new WidgetSettings { WorkspaceId = db.CurrentWorkspaceId, UpdatedAt = time.GetUtcNow() };
            db.Set<WidgetSettings>().Add(settings);
        }
        return settings;
    }

    /// <summary>A new secret replaces the old one at once (signatures made with the old one stop verifying); the caller saves.</summary>
    public async Task<string> RotateAsync(CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var secret = "whsk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        settings.ProtectedSecret = _protector.Protect(secret);
        settings.SecretCreatedAt = settings.UpdatedAt = time.GetUtcNow();
        return secret;
    }

    /// <summary>Whether <paramref name="signature"/> (hex) is the HMAC-SHA256 of <paramref name="userId"/> under the workspace's secret.</summary>
    public async Task<bool> VerifiesAsync(string userId, string? signature, CancellationToken ct)
    {
        var stored = await db.Set<WidgetSettings>().AsNoTracking().Select(s => s.ProtectedSecret).FirstOrDefaultAsync(ct);
        if (stored is null || string.IsNullOrEmpty(signature) || signature.Length != 64)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = Sign(_protector.Unprotect(stored), userId);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    public static byte[] Sign(string secret, string userId) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId));
}
