using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Workforce;

public enum NeedSource { Minimum, Forecast }

/// <summary>
/// A gap to fill: a run of consecutive hours (on the region's clock) in which the region is short of agents with
/// this language and skill, by the same number. What a staffing request to the talent layer is made of.
/// </summary>
public sealed record StaffingNeed(
    string Region, string TimeZone, string? Language, string? Skill, NeedSource Source, string Week,
    DateTimeOffset From, DateTimeOffset To, string LocalFrom, string LocalTo, IReadOnlyList<int> HoursOfWeek, int AgentsShort);

/// <summary>
/// The gaps of a week as staffing needs: every hour below a minimum-staffing rule, and every hour the forecast
/// needs more agents than all regions have scheduled. A forecast gap belongs to the region in its daytime then
/// (local hour nearest 13:00), because that is where a new hire would work ordinary hours.
/// </summary>
public sealed class StaffingNeeds(HeliodeskDb db, CoverageGrid grids)
{
    public async Task<List<StaffingNeed>> ListAsync(string? region, string? week, CancellationToken ct)
    {
        var regions = await db.Set<Region>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var zones = regions.ToDictionary(r => r.Name, r => DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.TimeZone) ?? DateTimeZone.Utc);
        var needs = new List<StaffingNeed>();
        foreach (var name in regions.Select(r => r.Name).Where(n => region is null || n == region))
        {
            var grid = await grids.BuildAsync(name, week, ct);
            foreach (var line in grid.Lines)
            {
                needs.AddRange(Runs(grid, line.Language, line.Skill, NeedSource.Minimum, line.Hours.Select(h => (h, h.Short))));
            }
            var byHour = grid.Lines[0].Hours.ToDictionary(h => h.HourOfWeek);
            foreach (var line in grid.Forecast.Lines)
            {
                needs.AddRange(Runs(grid, line.Language, null, NeedSource.Forecast, line.Hours
                    .Select(f => (byHour[f.HourOfWeek], DaytimeRegion(zones, Instant.FromDateTimeOffset(byHour[f.HourOfWeek].Start)) == name ? f.Short : 0))));
            }
        }
        return needs;
    }

    /// <summary>The region whose clock reads nearest early afternoon at the instant; ties go to the first by name.</summary>
    public static string? DaytimeRegion(IReadOnlyDictionary<string, DateTimeZone> zones, Instant at) =>
        zones.OrderBy(z => Math.Abs(at.InZone(z.Value).TimeOfDay.Hour + at.InZone(z.Value).TimeOfDay.Minute / 60.0 - 13))
            .ThenBy(z => z.Key, StringComparer.Ordinal).Select(z => z.Key).FirstOrDefault();

    private static IEnumerable<StaffingNeed> Runs(CoverageResponse grid, string? language, string? skill, NeedSource source, IEnumerable<(CoverageHour Hour, int Short)> hours)
    {
        var run = new List<CoverageHour>();
        var runShort = 0;
        foreach (var (hour, shortBy) in hours.Append((default!, 0)))
        {
            if (run.Count > 0 && (shortBy != runShort || hour is null || hour.HourOfWeek != run[^1].HourOfWeek + 1))
            {
                yield return new StaffingNeed(grid.Region, grid.TimeZone, language, skill, source, grid.Week, run[0].Start, run[^1].End,
                    run[0].Local, LocalEnd(run[^1]), [.. run.Select(h => h.HourOfWeek)], runShort);
                run.Clear();
            }
            if (hour is not null && shortBy > 0)
            {
                run.Add(hour);
                runShort = shortBy;
            }
        }
    }

    // The end of an hour on the region's clock is its start plus an hour, even when the clock jumped meanwhile.
    private static string LocalEnd(CoverageHour hour) =>
        DateTime.ParseExact(hour.Local, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture).AddHours(1)
            .ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
