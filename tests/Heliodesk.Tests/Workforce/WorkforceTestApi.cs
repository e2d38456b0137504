using System.Net;
using System.Net.Http.Json;
using Heliodesk.Features.Workforce;
using Heliodesk.Tests.Infrastructure;

namespace Heliodesk.Tests.Workforce;

/// <summary>Intent helpers for staffing rules, the coverage grid, needs and alerts.</summary>
public static class WorkforceTestApi
{
    public static async Task<StaffingMinimumResponse> AddMinimumAsync(this HttpClient lead, string rule) =>
        await (await lead.PostAsJsonAsync("/api/v1/staffing/minimums", new { rule }, TestApi.Json)).ReadAsync<StaffingMinimumResponse>(HttpStatusCode.Created);

    public static async Task<CoverageResponse> CoverageAsync(this HttpClient lead, string region, string? week = null) =>
        await (await lead.GetAsync($"/api/v1/staffing/coverage?region={region}&week={week}")).ReadAsync<CoverageResponse>(HttpStatusCode.OK);

    public static async Task<List<StaffingNeed>> NeedsAsync(this HttpClient lead, string query) =>
        await (await lead.GetAsync($"/api/v1/staffing/needs?{query}")).ReadAsync<List<StaffingNeed>>(HttpStatusCode.OK);

    public static async Task<List<StaffingAlertResponse>> AlertsAsync(this HttpClient lead, bool open = false) =>
        await (await lead.GetAsync($"/api/v1/staffing/alerts?open={open.ToString().ToLowerInvariant()}")).ReadAsync<List<StaffingAlertResponse>>(HttpStatusCode.OK);

    public static async Task PutRegionAsync(this HttpClient admin, string name, string timeZone, params (string Date, string Name)[] holidays) =>
        (await admin.PutAsJsonAsync($"/api/v1/regions/{name}", new { timeZone, holidays = holidays.Select(h => new { date = h.Date, name = h.Name }) }, TestApi.Json))
            .EnsureSuccessStatusCode();

    /// <summary>The hour of a grid line that starts at the given local time on the region's clock ("2026-11-04T09:00").</summary>
    public static CoverageHour At(this CoverageLine line, string local) => line.Hours.Single(h => h.Local == local);
}
