using Heliodesk.Common;
using Heliodesk.Data;
using Heliodesk.Features.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace Heliodesk.Features.Workforce;

/// <summary>One hour of one grid line: who is scheduled against the minimum the rules ask for.</summary>
public sealed record CoverageHour(int HourOfWeek, string Local, DateTimeOffset Start, DateTimeOffset End, int Minutes, int Scheduled, int Minimum)
{
    public int Short => Math.Max(0, Minimum - Scheduled);
}

public sealed record CoverageLine(string? Language, string? Skill, string Label, IReadOnlyList<CoverageHour> Hours);

public sealed record CoverageResponse(
    string Region, string TimeZone, string Week, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CoverageLine> Lines, ForecastResult Forecast);

/// <summary>
/// The coverage grid of one region for one week: the region's hours on its own clock, a line for the region as a
/// whole and one per language/skill its rules name, each hour with the agents scheduled and the minimum (the highest
/// of the rules covering that hour), and the Erlang C forecast for the same hours.
/// </summary>
public sealed class CoverageGrid(HeliodeskDb db, StaffingRoster roster, StaffingForecast forecast, TimeProvider time)
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    public async Task<CoverageResponse> BuildAsync(string regionName, string? week, CancellationToken ct)
    {
        var region = await db.Set<Region>().AsNoTracking().FirstOrDefaultAsync(r => r.Name == regionName, ct)
            ?? throw new DomainRuleException("region", $"There is no region {regionName}.");
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(region.TimeZone) ?? DateTimeZone.Utc;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var monday = WeekHours.ParseWeek(week, now, zone);
        var slots = WeekHours.Expand(zone, monday);
        var agents = await roster.LoadAsync(slots[0].Start, slots[^1].End, ct);
        var minimums = await db.Set<StaffingMinimum>().AsNoTracking().Where(m => m.Region == region.Name).ToListAsync(ct);

        var lines = minimums.Select(m => m.Line).Prepend(new StaffingLine(region.Name, null, null))
            .DistinctBy(l => l.Key).OrderBy(l => l.Language is not null || l.Skill is not null).ThenBy(l => l.Language).ThenBy(l => l.Skill)
            .Select(line => Line(line, slots, agents, minimums.Where(m => m.Line.Key == line.Key).ToList())).ToList();
        return new CoverageResponse(region.Name, region.TimeZone, WeekHours.IsoName(monday), slots[0].Start.ToDateTimeOffset(), slots[^1].End.ToDateTimeOffset(),
            lines, await forecast.ComputeAsync(slots, agents, now, ct));
    }

    private static CoverageLine Line(StaffingLine line, IReadOnlyList<HourSlot> slots, IReadOnlyList<RosterAgent> agents, IReadOnlyList<StaffingMinimum> rules)
    {
        var minimum = new int[HourSlot.PerWeek];
        foreach (var rule in rules)
        {
            foreach (var hour in rule.HoursOfWeek)
            {
                minimum[hour] = Math.Max(minimum[hour], rule.Agents);
            }
        }
        var mine = agents.Where(a => a.Covers(line)).ToList();
        return new CoverageLine(line.Language, line.Skill, line.Label, [.. slots.Select(s => new CoverageHour(
            s.HourOfWeek, LocalPattern.Format(s.Local), s.Start.ToDateTimeOffset(), s.End.ToDateTimeOffset(), (int)s.Length.TotalMinutes,
            mine.Count(a => a.ScheduledFor(s)), s.Happens ? minimum[s.HourOfWeek] : 0))]);
    }
}
