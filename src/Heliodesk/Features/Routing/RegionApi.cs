using System.ComponentModel.DataAnnotations;
using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing.Handoff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Routing;

public sealed record HolidayDto([property: Required] DateOnly? Date, [property: Required, MaxLength(Limits.Name)] string Name);

public sealed record RegionRequest(
    [property: Required, MaxLength(Limits.TimeZone)] string TimeZone,
    [property: MaxLength(400)] List<HolidayDto>? Holidays = null);

public sealed record RegionResponse(string Name, string TimeZone, IReadOnlyList<HolidayDto> Holidays, int Agents);

/// <summary>
/// The follow-the-sun regions. An agent belongs to the region named on their profile; the region's holidays are
/// days off for them. <c>POST /regions/defaults</c> adds AMER, EMEA and APAC where missing.
/// </summary>
public static class RegionApi
{
    public static RouteGroupBuilder MapRegionApi(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Schedules").RequireAuthorization(Policies.Staff);
        regions.MapGet("/", ListRegions).WithName(nameof(ListRegions));
        regions.MapPost("/defaults", AddDefaultRegions).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(AddDefaultRegions));
        regions.MapPut("/{name}", PutRegion).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(PutRegion));
        regions.MapDelete("/{name}", DeleteRegion).RequireAuthorization(Policies.Admin).WithWriteTransaction().WithName(nameof(DeleteRegion));
        return regions;
    }

    public static async Task<Ok<List<RegionResponse>>> ListRegions(HeliodeskDb db, CancellationToken ct)
    {
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var holidays = (await db.Set<RegionHoliday>().AsNoTracking().OrderBy(h => h.Date).ToListAsync(ct)).ToLookup(h => h.Region);
        var agents = (await db.Agents.AsNoTracking().Where(a => a.IsActive && a.Region != null).Select(a => a.Region!).ToListAsync(ct))
            .CountBy(r => r, StringComparer.OrdinalIgnoreCase).ToDictionary(StringComparer.OrdinalIgnoreCase);
        return TypedResults.Ok(regions.Select(r => new RegionResponse(r.Name, r.TimeZone,
            [.. holidays[r.Name].Select(h => new HolidayDto(h.Date, h.Name))], agents.GetValueOrDefault(r.Name))).ToList());
    }

    public static async Task<Ok<List<RegionResponse>>> AddDefaultRegions(Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        var existing = await db.Set<Region>().Select(r => r.Name).ToListAsync(ct);
        db.AddRange(Region.Defaults.Where(d => !existing.Contains(d.Name))
            .Select(d => new Region { WorkspaceId = caller.WorkspaceId, Name = d.Name, TimeZone = d.TimeZone }));
        await db.SaveChangesAsync(ct);
        return await ListRegions(db, ct);
    }

    /// <summary>Creates or replaces a region, its zone and its holiday list.</summary>
    public static async Task<Ok<RegionResponse>> PutRegion(string name, RegionRequest request, Caller caller, HeliodeskDb db, CancellationToken ct)
    {
        name = AgentProfile.Region(name) ?? throw new DomainRuleException("name", "Name the region.");
        var zone = Fields.TimeZone(request.TimeZone);
        var holidays = request.Holidays ?? [];
        if (holidays.GroupBy(h => h.Date).Any(g => g.Count() > 1))
        {
            throw new DomainRuleException("holidays", "List each date once.");
        }
        var region = await db.Set<Region>().FirstOrDefaultAsync(r => r.Name == name, ct);
        if (region is null)
        {
            db.Add(new Region { WorkspaceId = caller.WorkspaceId, Name = name, TimeZone = zone });
        }
        else
        {
            region.TimeZone = zone;
        }
        await db.Set<RegionHoliday>().Where(h => h.Region == name).ExecuteDeleteAsync(ct);
        db.AddRange(holidays.Select(h => new RegionHoliday { WorkspaceId = caller.WorkspaceId, Region = name, Date = h.Date!.Value, Name = h.Name.Trim() }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ListRegions(db, ct)).Value!.Single(r => r.Name == name));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteRegion(string name, HeliodeskDb db, CancellationToken ct)
    {
        if (await db.Set<Region>().Where(r => r.Name == name).ExecuteDeleteAsync(ct) == 0)
        {
            return TypedResults.NotFound();
        }
        await db.Set<RegionHoliday>().Where(h => h.Region == name).ExecuteDeleteAsync(ct);
        // Its digest webhook goes with it: a region added again later under the same name starts without one.
        await db.Set<RegionDigestHook>().Where(h => h.Region == name).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
