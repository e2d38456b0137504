using NodaTime;

namespace Heliodesk.Common;

/// <summary>IANA time zones, checked against the tz database NodaTime ships.</summary>
public static class TimeZones
{
    public static bool IsKnown(string? zone) => zone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null;
}
