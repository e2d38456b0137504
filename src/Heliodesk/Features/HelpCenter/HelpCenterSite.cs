using System.Globalization;
using System.Text;
using Heliodesk.Common;
using Heliodesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heliodesk.Features.HelpCenter;

/// <summary>
/// A workspace's public help center, reached at <c>/help/{Slug}</c>. The slug is unique across the
/// instance (it is how an anonymous visitor names the workspace) and defaults from the workspace name.
/// </summary>
public sealed class HelpCenterSite : IWorkspaceOwned
{
    public Guid WorkspaceId { get; init; }
    public required string Slug { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class HelpCenterSiteConfiguration : IEntityTypeConfiguration<HelpCenterSite>
{
    public void Configure(EntityTypeBuilder<HelpCenterSite> builder)
    {
        builder.HasKey(s => s.WorkspaceId);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Slug).HasMaxLength(HelpCenterSites.SlugLength);
    }
}

/// <summary>What a help-center page knows about the workspace it serves.</summary>
public sealed record SiteInfo(Guid WorkspaceId, string Slug, string Name, string TimeZone);

/// <summary>Finds the workspace behind a slug; gives every workspace a site the first time one is needed.</summary>
public sealed class HelpCenterSites(HeliodeskDb db, TimeProvider time)
{
    public const int SlugLength = 63;

    public async Task<SiteInfo?> FindAsync(string slug, CancellationToken ct)
    {
        var normalized = slug.ToLowerInvariant();
        var site = await QueryAsync(normalized, ct);
        if (site is null && await EnsureSitesAsync(ct) > 0)
        {
            site = await QueryAsync(normalized, ct);
        }
        return site;
    }

    public async Task<SiteInfo> ForWorkspaceAsync(Guid workspaceId, CancellationToken ct)
    {
        await EnsureSitesAsync(ct);
        return await Sites(s => s.WorkspaceId == workspaceId).SingleAsync(ct);
    }

    /// <summary>Creates the missing sites (new workspaces); normally none, so this costs one anti-join.</summary>
    public async Task<int> EnsureSitesAsync(CancellationToken ct)
    {
        var missing = await db.Workspaces.Where(w => !db.Set<HelpCenterSite>().IgnoreQueryFilters().Any(s => s.WorkspaceId == w.Id))
            .OrderBy(w => w.CreatedAt).Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return 0;
        }
        var taken = (await db.Set<HelpCenterSite>().IgnoreQueryFilters().Select(s => s.Slug).ToListAsync(ct)).ToHashSet();
        foreach (var workspace in missing)
        {
            var slug = Unique(Slugify(workspace.Name), taken);
            taken.Add(slug);
            db.Set<HelpCenterSite>().Add(new HelpCenterSite { WorkspaceId = workspace.Id, Slug = slug, CreatedAt = time.GetUtcNow() });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created them at the same moment; its slugs stand.
            db.ChangeTracker.Clear();
        }
        return missing.Count;
    }

    /// <summary>"Acme Support, Inc." becomes "acme-support-inc"; accents fold, other scripts fall back to "help".</summary>
    public static string Slugify(string name)
    {
        var folded = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }
        var slug = string.Join('-', folded.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug[..Math.Min(slug.Length, SlugLength - 4)].Trim('-');
        return slug.Length == 0 ? "help" : slug;
    }

    public static bool IsValidSlug(string slug) =>
        slug.Length is > 0 and <= SlugLength && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && slug[0] != '-' && slug[^1] != '-';

    private static string Unique(string slug, HashSet<string> taken)
    {
        var candidate = slug;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    private Task<SiteInfo?> QueryAsync(string slug, CancellationToken ct) =>
        Sites(s => s.Slug == slug).FirstOrDefaultAsync(ct);

    private IQueryable<SiteInfo> Sites(System.Linq.Expressions.Expression<Func<HelpCenterSite, bool>> which) =>
        from s in db.Set<HelpCenterSite>().IgnoreQueryFilters().Where(which)
        join w in db.Workspaces on s.WorkspaceId equals w.Id
        select new SiteInfo(w.Id, s.Slug, w.Name, w.TimeZone);
}
