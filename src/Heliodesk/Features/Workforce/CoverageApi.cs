using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Heliodesk.Features.Workforce;

/// <summary>The coverage grid, the staffing needs it reveals, and the live alerts; leads and admins only.</summary>
public static class CoverageApi
{
    public static RouteGroupBuilder MapCoverageApi(this RouteGroupBuilder staffing)
    {
        staffing.MapGet("/coverage", GetCoverage).WithName(nameof(GetCoverage));
        staffing.MapGet("/needs", ListStaffingNeeds).WithName(nameof(ListStaffingNeeds));
        staffing.MapGet("/alerts", ListStaffingAlerts).WithName(nameof(ListStaffingAlerts));
        return staffing;
    }

    /// <summary>One region's week (<c>week</c>: 2026-W45 or a date in it; default this week), hour by hour on the region's clock.</summary>
    public static async Task<Ok<CoverageResponse>> GetCoverage(string? region, string? week, CoverageGrid grid, CancellationToken ct) =>
        TypedResults.Ok(await grid.BuildAsync(string.IsNullOrWhiteSpace(region) ? throw new DomainRuleException("region", "Name the region, e.g. EMEA.") : region.Trim(), week, ct));

    /// <summary>Every run of hours short of agents in the week, from the rules and from the forecast; <c>region</c> narrows it to one.</summary>
    public static async Task<Ok<List<StaffingNeed>>> ListStaffingNeeds(string? region, string? week, StaffingNeeds needs, CancellationToken ct) =>
        TypedResults.Ok(await needs.ListAsync(string.IsNullOrWhiteSpace(region) ? null : region.Trim(), week, ct));

    /// <summary>Open alerts first, then the latest cleared ones; <c>open=true</c> leaves the cleared out.</summary>
    public static async Task<Ok<List<StaffingAlertResponse>>> ListStaffingAlerts(bool? open, HeliodeskDb db, CancellationToken ct)
    {
        var alerts = db.Set<StaffingAlert>().AsNoTracking();
        if (open == true)
        {
            alerts = alerts.Where(a => a.ClearedAt == null);
        }
        var latest = await alerts.OrderByDescending(a => a.RaisedAt).Take(100).ToListAsync(ct);
        return TypedResults.Ok(latest.OrderBy(a => a.ClearedAt is not null).ThenByDescending(a => a.RaisedAt).Select(StaffingAlertResponse.From).ToList());
    }
}
