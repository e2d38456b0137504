using System.Globalization;
using NodaTime;

namespace Heliodesk.Components.Shared;

/// <summary>Instants shown in the viewer's time zone and culture: storage is UTC, people are not.</summary>
public static class AgentTime
{
    public static DateTime Local(DateTimeOffset at, string zone) =>
        Instant.FromDateTimeOffset(at).InZone(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc).ToDateTimeUnspecified();

    /// <summary>"14:05" today, "Mon 14:05" this week, else a short date with the time.</summary>
    public static string Short(DateTimeOffset at, string zone, DateTimeOffset now)
    {
        var (local, today) = (Local(at, zone), Local(now, zone).Date);
        var culture = CultureInfo.CurrentCulture;
        return local.Date == today ? local.ToString("t", culture)
            : local.Date > today.AddDays(-6) && local.Date <= today ? local.ToString("ddd ", culture) + local.ToString("t", culture)
            : local.ToString("d", culture) + " " + local.ToString("t", culture);
    }

    /// <summary>The instant a wall-clock time means in the agent's zone (a time skipped by DST moves past the gap).</summary>
    public static DateTimeOffset ToInstant(DateTime local, string zone) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) ?? DateTimeZone.Utc).ToDateTimeOffset().ToUniversalTime();

    public static string Full(DateTimeOffset at, string zone) =>
        Local(at, zone).ToString("f", CultureInfo.CurrentCulture) + " (" + zone + ")";
}
