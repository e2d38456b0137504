using Heliodesk.Data;
using Heliodesk.Features.Agents;
using Heliodesk.Features.Routing;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Heliodesk.Features.Workforce;

public sealed record AlertPass(int Raised, int Cleared);

/// <summary>
/// One look at one workspace: for every rule line that applies to the current hour (on its region's clock), count
/// the agents who are online and on shift, i.e. the people routing can give work to now. A line below its minimum
/// gets an alert unless it already has an open one; an open alert whose line is no longer short is cleared.
/// </summary>
public sealed partial class StaffingAlertCheck(HeliodeskDb db, ShiftAvailability shifts, TimeProvider time, ILogger<StaffingAlertCheck> log)
{
    public async Task<AlertPass> RunAsync(Guid workspaceId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var instant = Instant.FromDateTimeOffset(now);
        var zones = await db.Set<Region>().AsNoTracking()
            .ToDictionaryAsync(r => r.Name, r => DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.TimeZone) ?? DateTimeZone.Utc, ct);
        var required = (await db.Set<StaffingMinimum>().AsNoTracking().ToListAsync(ct))
            .Where(m => zones.TryGetValue(m.Region, out var zone) && m.HoursOfWeek.Contains(HourSlot.Of(instant.InZone(zone).LocalDateTime)))
            .GroupBy(m => m.Line.Key)
            .ToDictionary(g => g.Key, g => (g.First().Line, Agents: g.Max(m => m.Agents)));

        var online = await db.Agents.AsNoTracking().Where(a => a.IsActive && a.Status == AgentStatus.Online)
            .Select(a => new { a.Id, a.Region, a.Languages, a.Skills }).ToListAsync(ct);
        var working = await shifts.OnShiftAsync([.. online.Select(a => a.Id)], now, ct);
        var available = online.Where(a => working.Contains(a.Id)).ToList();
        var shortLines = required.Values
            .Select(r => (r.Line, r.Agents, Online: available.Count(a => r.Line.Covers(a.Region, a.Languages, a.Skills))))
            .Where(r => r.Online < r.Agents)
            .ToDictionary(r => r.Line.Key);

        var open = await db.Set<StaffingAlert>().Where(a => a.ClearedAt == null).ToListAsync(ct);
        var (raised, cleared) = (0, 0);
        foreach (var alert in open)
        {
            if (shortLines.TryGetValue(alert.Key, out var still))
            {
                (alert.Minimum, alert.Online, alert.LowestOnline) = (still.Agents, still.Online, Math.Min(alert.LowestOnline, still.Online));
                continue;
            }
            alert.ClearedAt = now;
            alert.OpenKey = null;
            cleared++;
        }
        foreach (var (key, line) in shortLines.Where(s => open.All(a => a.Key != s.Key)))
        {
            db.Add(new StaffingAlert
            {
                WorkspaceId = workspaceId,
                Region = line.Line.Region,
                Language = line.Line.Language,
                Skill = line.Line.Skill,
                Key = key,
                OpenKey = key,
                Minimum = line.Agents,
                Online = line.Online,
                LowestOnline = line.Online,
                RaisedAt = now,
            });
            LogRaised(log, workspaceId, line.Line.Region, line.Line.Label, line.Online, line.Agents);
            raised++;
        }
        await db.SaveChangesAsync(ct);
        return new AlertPass(raised, cleared);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staffing alert in workspace {WorkspaceId}: {Region} {Line} has {Online} online, minimum {Minimum}.")]
    private static partial void LogRaised(ILogger logger, Guid workspaceId, string region, string line, int online, int minimum);
}
