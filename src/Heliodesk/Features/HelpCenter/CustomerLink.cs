using System.Security.Cryptography;
using System.Text;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Channels.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.HelpCenter;

/// <summary>
/// A one-time sign-in link for a customer. Only the SHA-256 of the token is stored, so a copy of the
/// database cannot sign anyone in; a link works once and only until it expires.
/// </summary>
public sealed class CustomerLink : IWorkspaceOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid WorkspaceId { get; init; }
    public Guid ContactId { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class CustomerLinkConfiguration : IEntityTypeConfiguration<CustomerLink>
{
    public void Configure(EntityTypeBuilder<CustomerLink> builder)
    {
        builder.HasIndex(l => new { l.WorkspaceId, l.TokenHash }).IsUnique();
        builder.HasIndex(l => new { l.WorkspaceId, l.ContactId, l.CreatedAt });
        builder.Property(l => l.TokenHash).HasMaxLength(64);
    }
}

/// <summary>Issues and redeems sign-in links. Runs in the site's workspace; the caller saves.</summary>
public sealed class CustomerLinks(HeliodeskDb db, CustomerEmail email, TimeProvider time, ILogger<CustomerLinks> log)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>A person asking again and again gets at most this many links an hour (the rest are silently dropped).</summary>
    public const int PerHour = 5;

    /// <summary>
    /// Mails a link when the address belongs to a customer of this workspace. The answer is the same
    /// either way, so the form cannot be used to learn who is a customer.
    /// </summary>
    public async Task SendAsync(SiteInfo site, string address, string baseUrl, HelpCenterMail text, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(address);
        var contactId = await db.ContactEmails.Where(e => e.Address == normalized).Select(e => (Guid?)e.ContactId).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        if (contactId is not { } id || await db.Set<CustomerLink>().CountAsync(l => l.ContactId == id && l.CreatedAt > now.AddHours(-1), ct) >= PerHour)
        {
            return;
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.Set<CustomerLink>().Add(new CustomerLink
        {
            WorkspaceId = site.WorkspaceId,
            ContactId = id,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        });
        var url = $"{baseUrl.TrimEnd('/')}/help/{site.Slug}/sign-in/link?token={token}";
        // Operators without mail set up can still sign a customer in from the log.
        log.LogInformation("Help-center sign-in link for {Address} in {Slug}: {Url}", normalized, site.Slug, url);
        await email.SendAsync(normalized, text.Subject, text.Body(url), null, ct);
    }

    /// <summary>The contact the token signs in, once: a conditional update, so two clicks cannot both win.</summary>
    public async Task<Guid?> RedeemAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: > 20 and < 100 })
        {
            return null;
        }
        var hash = Hash(token);
        var now = time.GetUtcNow();
        var link = await db.Set<CustomerLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
        {
            return null;
        }
        var won = await db.Set<CustomerLink>().Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct) == 1;
        return won ? link.ContactId : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The sign-in mail in the customer's language.</summary>
public sealed record HelpCenterMail(string Subject, Func<string, string> Body);
