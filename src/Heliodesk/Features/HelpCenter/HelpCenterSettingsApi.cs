using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.HelpCenter;

public sealed record HelpCenterSettings(string Slug, string Path);

public sealed record UpdateHelpCenterSettings(string? Slug);

/// <summary>Where the workspace's help center lives; admins may choose its address.</summary>
public static class HelpCenterSettingsApi
{
    public static RouteGroupBuilder MapHelpCenterSettingsApi(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/help-center").WithTags("Help center");
        settings.MapGet("/", GetHelpCenterSettings).RequireAuthorization(Policies.Agent).WithName(nameof(GetHelpCenterSettings));
        settings.MapPut("/", UpdateHelpCenterSettings).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(UpdateHelpCenterSettings));
        return api;
    }

    public static async Task<Ok<HelpCenterSettings>> GetHelpCenterSettings(Caller caller, HelpCenterSites sites, CancellationToken ct)
    {
        var site = await sites.ForWorkspaceAsync(caller.WorkspaceId, ct);
        return TypedResults.Ok(new HelpCenterSettings(site.Slug, $"/help/{site.Slug}"));
    }

    /// <summary>Old links stop working when the slug changes: that is the admin's call, so it is said in the docs.</summary>
    public static async Task<Ok<HelpCenterSettings>> UpdateHelpCenterSettings(
        UpdateHelpCenterSettings request, Caller caller, HelpCenterSites sites, HeliodeskDb db, CancellationToken ct)
    {
        var slug = request.Slug?.Trim().ToLowerInvariant() ?? "";
        if (!HelpCenterSites.IsValidSlug(slug))
        {
            throw new DomainRuleException("slug", $"Use 1 to {HelpCenterSites.SlugLength} lowercase letters, digits and inner hyphens, like acme-support.");
        }
        await sites.ForWorkspaceAsync(caller.WorkspaceId, ct);
        if (await db.Set<HelpCenterSite>().IgnoreQueryFilters().AnyAsync(s => s.Slug == slug && s.WorkspaceId != caller.WorkspaceId, ct))
        {
            throw new DomainRuleException("slug", "Another help center already uses this address.");
        }
        var site = await db.Set<HelpCenterSite>().SingleAsync(ct);
        site.Slug = slug;
        return TypedResults.Ok(new HelpCenterSettings(slug, $"/help/{slug}"));
    }
}
